#!/usr/bin/env bash
# Install (or remove) Steelframe's desktop integration for a built bundle: the menu entry, the
# icon in every size, the file type of *.steelframe.json (so double-clicking a model opens it),
# and a `steelframe` command on PATH. The bundle stays where it is; the entry points at it, so
# move the bundle to its final place (say /opt/steelframe) first, then run this from there.
#
#   bash dist/steelframe/install-desktop.sh            # for you: ~/.local/share, ~/.local/bin
#   sudo bash dist/steelframe/install-desktop.sh --system   # for everyone: /usr/local/share, /usr/local/bin
#   bash dist/steelframe/install-desktop.sh --uninstall [--system]
#
# Run from the repository (packaging/install-desktop.sh) it installs dist/steelframe; --bundle DIR
# names another bundle. XDG_DATA_HOME and XDG_CONFIG_HOME are honoured in --user mode.
set -euo pipefail

APP_ID=steelframe
MIME_TYPE=application/x-steelframe+json

usage() { sed -n '2,13s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"; }
say() { printf 'install-desktop: %s\n' "$*"; }
fail() { printf 'install-desktop: %s\n' "$*" >&2; exit 2; }

mode=user action=do_install bundle=""
while (($#)); do
  case "$1" in
    --user) mode=user ;;
    --system) mode=system ;;
    --uninstall) action=do_uninstall ;;
    --bundle) [ $# -ge 2 ] || fail "--bundle needs a folder"; bundle="$2"; shift ;;
    -h | --help) usage; exit 0 ;;
    *) usage >&2; fail "unknown argument '$1'" ;;
  esac
  shift
done

if [ "$mode" = system ]; then
  data=/usr/local/share bin=/usr/local/bin
  [ -w "$data" ] || [ "$(id -u)" -eq 0 ] || fail "--system writes $data: run it as root (sudo)"
else
  data="${XDG_DATA_HOME:-$HOME/.local/share}" bin="$HOME/.local/bin"
fi

# Exec= quoting of the desktop entry spec: reserved characters inside double quotes, then the
# string escaping of the file format (every backslash doubled). A % would be written %%, which
# GLib does not undo when it checks that the program exists, so such paths are refused instead.
exec_quote() {
  local value="$1"
  if [[ "$value" =~ ^[A-Za-z0-9_./+-]+$ ]]; then printf '%s' "$value"; return; fi
  value="$(printf '%s' "$value" | sed -e 's/[\\"`$]/\\&/g')"
  printf '"%s"' "$value" | sed -e 's/\\/\\\\/g'
}

refresh_caches() {
  if [ -d "$data/mime/packages" ]; then
    if command -v update-mime-database >/dev/null; then
      update-mime-database "$data/mime"
    else
      say "update-mime-database not found (Debian: shared-mime-info): the file type is known after the next login"
    fi
  fi
  if [ -d "$data/applications" ] && command -v update-desktop-database >/dev/null; then
    update-desktop-database -q "$data/applications"
  fi
  if [ -d "$data/icons/hicolor" ]; then
    touch "$data/icons/hicolor"  # icon caches compare their time with the folder's
    if [ -f "$data/icons/hicolor/icon-theme.cache" ] && command -v gtk-update-icon-cache >/dev/null; then
      gtk-update-icon-cache -q -t -f "$data/icons/hicolor" || true
    fi
  fi
}

do_uninstall() {
  rm -f "$data/applications/$APP_ID.desktop" "$data/mime/packages/$APP_ID.xml"
  rm -f "$data"/icons/hicolor/*/apps/"$APP_ID".png "$data"/icons/hicolor/*/apps/"$APP_ID".svg
  if [ -L "$bin/$APP_ID" ]; then rm -f "$bin/$APP_ID"; fi
  refresh_caches
  say "removed Steelframe's desktop integration from $data"
}

do_install() {
  local here exe share source relative target
  here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
  if [ -z "$bundle" ]; then
    if [ -x "$here/$APP_ID" ] && [ -d "$here/share" ]; then bundle="$here"; else bundle="$here/../dist/$APP_ID"; fi
  fi
  [ -d "$bundle" ] || fail "no bundle at $bundle (build one: bash packaging/build.sh)"
  bundle="$(cd "$bundle" && pwd)"
  exe="$bundle/$APP_ID" share="$bundle/share"
  if [ ! -x "$exe" ] || [ ! -d "$share" ]; then
    fail "$bundle is not a Steelframe bundle (no executable $APP_ID and share/)"
  fi
  [[ "$exe" != *$'\n'* && "$exe" != *%* ]] || fail "desktops cannot start a program whose path has a % or a line break: move $bundle"

  while IFS= read -r -d '' source; do
    relative="${source#"$share"/}" target="$data/$relative"
    mkdir -p "$(dirname "$target")"
    if [ "$relative" = "applications/$APP_ID.desktop" ]; then
      # the entry starts the program by name (Exec=steelframe gui %f): name the bundle's instead
      PROGRAM="$(exec_quote "$exe")" TRY_LINE="TryExec=${exe//\\/\\\\}" awk -v name="$APP_ID" '
        index($0, "Exec=" name) == 1 { print "Exec=" ENVIRON["PROGRAM"] substr($0, length("Exec=" name) + 1); next }
        /^TryExec=/ { print ENVIRON["TRY_LINE"]; next }
        { print }' "$source" >"$target"
    else
      cp -f "$source" "$target"
    fi
    chmod 0644 "$target"
  done < <(find "$share" -type f -print0)

  mkdir -p "$bin"
  if [ -e "$bin/$APP_ID" ] && [ ! -L "$bin/$APP_ID" ]; then
    say "$bin/$APP_ID exists and is not a link from an earlier install: left alone"
  else
    ln -sfn "$exe" "$bin/$APP_ID"
  fi
  refresh_caches
  if [ "$mode" = user ] && command -v xdg-mime >/dev/null; then
    xdg-mime default "$APP_ID.desktop" "$MIME_TYPE" || say "xdg-mime could not make Steelframe the default for $MIME_TYPE"
  fi
  say "installed Steelframe's menu entry, icons and the $MIME_TYPE file type into $data"
  say "the command line: $bin/$APP_ID -> $exe"
  case ":$PATH:" in *":$bin:"*) ;; *) say "note: $bin is not on your PATH" ;; esac
}

"$action"
