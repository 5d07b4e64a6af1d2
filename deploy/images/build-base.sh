#!/usr/bin/env bash
# Builds a JRE base image from Debian packages alone, for building Parley's images where no
# container registry is reachable:
#
#   sudo deploy/images/build-base.sh /tmp/parley-jre-base.tar
#   ./mvnw -Pimages package -DskipTests -Dparley.image.base=tar:///tmp/parley-jre-base.tar
#
# Debian bookworm (minbase) with openjdk-17-jre-headless, as one layer in the `docker save`
# format that Jib reads from tar:// . Needs root and debootstrap (apt-get install debootstrap);
# takes about two minutes and gives a ~300 MB base (eclipse-temurin:17-jre is smaller).
set -euo pipefail

out=${1:?usage: build-base.sh OUTPUT.tar}
mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

debootstrap --variant=minbase --include=openjdk-17-jre-headless bookworm "$work/rootfs" "$mirror"
rm -rf "$work"/rootfs/var/cache/apt/* "$work"/rootfs/var/lib/apt/lists/* \
  "$work"/rootfs/usr/share/doc/* "$work"/rootfs/usr/share/man/* "$work"/rootfs/usr/share/locale/*

mkdir "$work/image"
tar -C "$work/rootfs" --numeric-owner -cf "$work/image/layer.tar" .
digest=$(sha256sum "$work/image/layer.tar" | cut -d' ' -f1)
cat > "$work/image/config.json" <<JSON
{"architecture":"amd64","os":"linux",
 "config":{"Env":["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin","JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64","LANG=C.UTF-8"]},
 "rootfs":{"type":"layers","diff_ids":["sha256:$digest"]},
 "history":[{"created_by":"debootstrap --variant=minbase --include=openjdk-17-jre-headless bookworm"}]}
JSON
echo '[{"Config":"config.json","RepoTags":["parley/jre-base:17"],"Layers":["layer.tar"]}]' > "$work/image/manifest.json"
tar -C "$work/image" -cf "$out" manifest.json config.json layer.tar
echo "base image: $out"
