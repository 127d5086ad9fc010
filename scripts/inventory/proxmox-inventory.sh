#!/bin/sh
# Proxmox VE inventory for `vtopo import` (docs/import.md, "Proxmox VE").
#
# Run as root on any node of the cluster; it writes one JSON object on standard output:
#
#   sh proxmox-inventory.sh > pve-inventory.json
#
# It only reads: `pvesh get` calls of the documented API (/cluster/status,
# /cluster/resources, /storage, the HA resources, groups, rules and status, replication
# jobs, the QDevice and corosync nodes, and /nodes/<node>/status of every node), and the
# guests' configuration files under /etc/pve/nodes (the cluster file system every node
# has), copied line by line up to their first snapshot section. It needs nothing but
# pvesh and POSIX tools (no jq). A call that fails (an endpoint this release does not
# have, a node that is offline) writes null in its place, and the import says what that
# leaves out.
set -u

export LC_ALL=C
# The cluster file system; another directory only for testing the script.
PVE_DIR=${PVE_DIR:-/etc/pve}

# The JSON of an API path, or null when the call fails or says nothing.
get() {
	out=$(pvesh get "$1" --output-format json 2>/dev/null) || out=
	if [ -n "$out" ]; then printf '%s' "$out"; else printf 'null'; fi
}

# Text as a JSON string.
json_string() {
	printf '"%s"' "$(printf '%s' "$1" | sed -e 's/\\/\\\\/g' -e 's/"/\\"/g')"
}

TAB=$(printf '\t')

# A configuration file as a JSON list of its lines, up to the first section ([snapshot],
# [PENDING]); control characters other than tabs are dropped.
config_lines() {
	printf '['
	sed -n -e '/^\[/q' -e 'p' "$1" |
		tr -d '\000-\010\013-\037' |
		sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e "s/$TAB/\\\\t/g" -e 's/^/"/' -e 's/$/"/' |
		paste -s -d , -
	printf ']'
}

# The guests of one node and type: {"<vmid>": [lines], ...}.
guests() {
	printf '{'
	sep=
	for conf in "$1"/*.conf; do
		[ -f "$conf" ] || continue
		vmid=${conf##*/}
		vmid=${vmid%.conf}
		printf '%s"%s":' "$sep" "$vmid"
		config_lines "$conf"
		sep=,
	done
	printf '}'
}

printf '{"vtopoInventory":"proxmox","version":1'
printf ',"exported":"%s"' "$(date -u +%Y-%m-%dT%H:%M:%SZ)"
printf ',"cluster":%s' "$(get /cluster/status)"
printf ',"resources":%s' "$(get /cluster/resources)"
printf ',"storage":%s' "$(get /storage)"
printf ',"haResources":%s' "$(get /cluster/ha/resources)"
printf ',"haGroups":%s' "$(get /cluster/ha/groups)"
printf ',"haRules":%s' "$(get /cluster/ha/rules)"
printf ',"haStatus":%s' "$(get /cluster/ha/status/manager_status)"
printf ',"replication":%s' "$(get /cluster/replication)"
printf ',"qdevice":%s' "$(get /cluster/config/qdevice)"
printf ',"corosyncNodes":%s' "$(get /cluster/config/nodes)"
printf ',"nodes":{'
nsep=
for dir in "$PVE_DIR"/nodes/*; do
	[ -d "$dir" ] || continue
	node=${dir##*/}
	printf '%s%s:{"status":%s' "$nsep" "$(json_string "$node")" "$(get "/nodes/$node/status")"
	printf ',"qemu":'
	guests "$dir/qemu-server"
	printf ',"lxc":'
	guests "$dir/lxc"
	printf '}'
	nsep=,
done
printf '}}\n'
