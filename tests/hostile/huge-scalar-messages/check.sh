# Each message quotes at most a little of the value: 7 lines, not 6 MB.
n=$(wc -c <"$3")
((n < 8192)) || { echo "the messages are $n bytes long: values are quoted whole"; exit 1; }
