# Sourced by the benchmarks. publish_portal CSPROJ DEST LOG: a Release publish of the portal to DEST (a private
# folder, so a build of src/ during the run cannot change the binaries under test), its log in LOG. With
# BENCH_PORTAL naming a folder an earlier publish of the same sources left (bench/smoke.sh sets it), that folder is
# copied instead, so a series of benchmarks publishes once.
publish_portal() {
  if [ -n "${BENCH_PORTAL:-}" ]; then
    [ -f "$BENCH_PORTAL/GovService.Web.dll" ] || { echo "BENCH_PORTAL=$BENCH_PORTAL holds no published portal" >"$3"; return 1; }
    cp -r "$BENCH_PORTAL" "$2"
    return 0
  fi
  dotnet publish "$1" -c Release -nologo -v quiet -o "$2" >"$3" 2>&1
}
