#!/usr/bin/env bash
# Debian packages the Neo4j server needs: Java 17 and Maven. Installs only what is missing.
set -euo pipefail
need=()
ls /usr/lib/jvm/java-17-openjdk*/bin/java >/dev/null 2>&1 || need+=(openjdk-17-jre-headless)
command -v mvn >/dev/null 2>&1 || need+=(maven)
if [ ${#need[@]} -gt 0 ]; then
  echo "installing Debian packages: ${need[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q "${need[@]}"
fi
