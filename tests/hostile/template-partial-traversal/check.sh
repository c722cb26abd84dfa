# Nothing of /etc/passwd in the expanded report.
! grep -rq 'root:' "$2" && [[ -s $2/md/report-en.md ]]
