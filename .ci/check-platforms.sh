#!/usr/bin/env bash
# Checks, for each platform profile of pom.xml, that JavaCPP publishes the native artifacts it needs
# (libtorch, OpenBLAS, FFmpeg, the JavaCPP runtime), without downloading the jars (hundreds of MB):
# each "-platform" pom lists the classifiers published for its version. A few seconds once the four
# small poms are in ~/.m2. Exit 0 when every profile resolves or is a documented gap (KNOWN_GAPS).
set -euo pipefail
cd "$(dirname "$0")/.."

prop() { sed -n "s:.*<$1>\(.*\)</$1>.*:\1:p" pom.xml | head -1; }
javacpp=$(prop javacpp.version)
pytorch=$(prop pytorch.version | sed "s/\${javacpp.version}/$javacpp/")
openblas=$(prop openblas.version | sed "s/\${javacpp.version}/$javacpp/")
ffmpeg=$(prop ffmpeg.version | sed "s/\${javacpp.version}/$javacpp/")
# JavaCPP 1.5.13 publishes no libtorch for linux-arm64 (pytorch-platform lists none): known, in README.
KNOWN_GAPS="linux-arm64:pytorch"

repo="${MAVEN_REPO:-$HOME/.m2/repository}"
classifiers() { # artifact version -> the platforms its -platform pom lists
  mvn -q -B dependency:get -Dartifact="org.bytedeco:$1-platform:$2:pom" -Dtransitive=false >/dev/null
  grep -o '<classifier>${javacpp.platform.[^}]*}' "$repo/org/bytedeco/$1-platform/$2/$1-platform-$2.pom" | sed 's/.*platform\.//; s/}//' | sort -u
}
declare -A have
for a in "pytorch $pytorch" "openblas $openblas" "ffmpeg $ffmpeg" "javacpp $javacpp"; do
  set -- $a
  have[$1]=" $(classifiers "$1" "$2" | tr '\n' ' ') "
done

status=0
for p in linux-x86_64 linux-arm64 macosx-arm64 macosx-x86_64 windows-x86_64; do
  line="$p:"
  for a in pytorch openblas ffmpeg javacpp; do
    if [[ "${have[$a]}" == *" $p "* ]]; then
      line+=" $a ok"
    elif [[ " $KNOWN_GAPS " == *" $p:$a "* ]]; then
      line+=" $a MISSING (known gap)"
    else
      line+=" $a MISSING"; status=1
    fi
  done
  echo "$line"
done
# the gpu profile (linux-x86_64-gpu): no pom lists that classifier, and checking the jar itself means
# downloading 458 MB, so it is not checked here.
echo "gpu: not checked (only the 458 MB jar itself would tell)"
exit $status
