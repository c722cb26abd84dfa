# The chapter linked inside the project is in the report.
grep -q "Kept in docs/" "$2/md/report-en.md" || { echo "the chapter is not in the report"; exit 1; }
