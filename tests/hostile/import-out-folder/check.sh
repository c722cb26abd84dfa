# Nothing is written beside the folder.
[[ ! -e $1/o/recommendations.yaml ]] || { echo "recommendations.yaml was written"; exit 1; }
