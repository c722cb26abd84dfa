# The chart is drawn, with the figures in full and no infinite coordinate.
page=$2/site/en/report.html
grep -q '<svg' "$page" || { echo "no chart in $page"; exit 1; }
grep -q '1,000,000,000,000,000' "$page" || { echo "the figure is not in full"; exit 1; }
! grep -qiE '"-?(inf|nan)' "$page" || { echo "an infinite or NaN coordinate"; exit 1; }
[[ -s $2/report-en.pdf ]] || { echo "no PDF"; exit 1; }
