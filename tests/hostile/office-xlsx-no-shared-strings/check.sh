# Nothing is written.
[[ ! -e $2/content ]] || { echo "content/ was written"; exit 1; }
