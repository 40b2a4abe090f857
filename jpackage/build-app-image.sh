#!/usr/bin/env bash
# Builds a Linux app image of the IIBalance Workbench under target/dist/ from target/app/
# (the thin jar and its lib/, made by `mvn -DskipTests package`).
# The launcher runs the GUI with no arguments and the CLI commands alike:
#   target/dist/iibalance/bin/iibalance                  # the workbench window
#   target/dist/iibalance/bin/iibalance train --config sample-configs/quickstart.yaml
set -euo pipefail
cd "$(dirname "$0")/.."
APP=target/app
DIST=target/dist
[ -f "$APP/iibalance.jar" ] || { echo "no $APP/iibalance.jar: run 'mvn -DskipTests package' first" >&2; exit 1; }
VERSION=$(sed -n 's:.*<version>\([0-9][0-9.]*\)</version>.*:\1:p' pom.xml | head -1)
rm -rf "$DIST/iibalance"
mkdir -p "$DIST"
# Modules of the JDK the app needs (jdeps on the jar and its libs would say the same; listed for speed):
# desktop (AWT for JFreeChart/ImageIO/javax.sound), xml (JFreeSVG), sql (picocli/jackson), jdk.unsupported (JavaFX, JavaCPP).
MODULES=java.base,java.desktop,java.logging,java.management,java.naming,java.sql,java.xml,java.scripting,jdk.unsupported,jdk.jfr,jdk.crypto.ec
jpackage --type app-image \
  --name iibalance \
  --app-version "${VERSION:-0.1.0}" \
  --input "$APP" \
  --main-jar iibalance.jar \
  --main-class org.iibalance.cli.Main \
  --dest "$DIST" \
  --add-modules "$MODULES" \
  --jlink-options '--strip-debug --no-header-files --no-man-pages --strip-native-commands' \
  --java-options '-Xmx4g'
echo "app image: $DIST/iibalance ($(du -sh "$DIST/iibalance" | cut -f1)); launcher: $DIST/iibalance/bin/iibalance"
