#!/bin/sh
# build, bundle, validate with the JDK breaker (drops go to breaker-drop.txt), rebuild
set -e
cd /tmp/gloss-th
python3 gs/th/th-build.py th-gen.tsv -v > build.log; head -1 build.log
python3 gs/bundle.py th Thai th-gen.tsv
B=src/main/resources/dev/veto/plugins/semantic/gloss/th.tsv
python3 tools/validate.py $B | grep '^BAD' | awk '{print $3}' >> gs/th/breaker-drop.txt || true
sort -u gs/th/breaker-drop.txt -o gs/th/breaker-drop.txt
python3 gs/th/th-build.py th-gen.tsv > /dev/null
python3 gs/bundle.py th Thai th-gen.tsv
python3 tools/validate.py $B | tail -1
