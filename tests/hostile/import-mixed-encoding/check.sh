# The UTF-8 rows are as they were; the Windows-1252 one is converted.
y=$2/content/recommendations.yaml
grep -q 'niños and niñas' "$y" || { echo "row 2 garbled"; exit 1; }
grep -q '(éducation)' "$y" || { echo "row 4 garbled"; exit 1; }
grep -q 'Côte d’Ivoire' "$y" || { echo "row 3 not converted"; exit 1; }
! grep -q 'Ã' "$y" || { echo "mojibake"; exit 1; }
