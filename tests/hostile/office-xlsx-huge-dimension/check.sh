# The one recommendation is there.
grep -q "^- id: \"110.1\"" "$2/content/recommendations.yaml" || { echo "110.1 missing"; exit 1; }
