# Two entries, the repeated one with Chile once.
y=$2/content/recommendations.yaml
[[ $(grep -c '^- id:' "$y") == 2 ]] || { echo "not two entries"; exit 1; }
[[ $(grep -c 'Chile' "$y") == 1 ]] || { echo "Chile not once"; exit 1; }
