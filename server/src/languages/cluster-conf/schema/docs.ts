/**
 * Documentation for hover and completion, written for this project. Facts
 * (types, defaults, required, enums, agent parameters) come from the schema
 * tables; these sentences say what each thing is for.
 */
import { nameTable, nameTables } from '../../../common/nameTable';

export const ELEMENT_DOCS: Record<string, string> = nameTable({
  cluster: 'The whole cluster: its name (which every node must agree on) and the configuration version. Everything else lives inside it.',
  cman: 'Cluster manager settings: membership and quorum (two_node, expected_votes), transport, and the multicast address the nodes talk on.',
  multicast: 'Overrides the multicast address cman derives from the cluster ID; use an address in 239.192.x.x.',
  altmulticast: 'Multicast settings of the second ring when corosync runs redundant rings (newer schemas only).',
  totem: 'Timing of the totem membership protocol under corosync: how long a silent node may stay quiet before it is declared dead.',
  interface: 'One totem ring: the network, multicast address and port a redundant ring uses.',
  quorumd: 'Quorum disk (qdiskd): a small shared disk that casts extra votes, so that a partition with the disk keeps quorum.',
  heuristic: 'A check qdiskd runs (typically a ping of the gateway); a node that fails its heuristics loses the quorum disk\'s vote.',
  fence_daemon: 'Behaviour of fenced: how long to wait after a join or a failure before fencing.',
  fence_xvmd: 'The host side of fence_xvm: the daemon on a physical host that fences its virtual machines on request.',
  dlm: 'Settings of the distributed lock manager (dlm_controld) used by GFS2 and clvmd.',
  lockspace: 'Settings for one DLM lockspace.',
  master: 'A node preferred as lock master of a DLM lockspace.',
  gfs_controld: 'Settings of gfs_controld, which coordinates GFS/GFS2 mounts and POSIX locks across nodes.',
  group: 'Settings of the old groupd compatibility daemon (clusters upgraded from RHCS 2).',
  logging: 'Where cluster daemons log (syslog and/or a log file) and how much.',
  logging_daemon: 'Logging settings for one daemon (or one corosync subsystem), overriding <logging>.',
  clusternodes: 'The list of cluster members.',
  clusternode: 'One cluster member: its host name as the cluster network resolves it, a unique nodeid, and how to fence it.',
  altname: 'A second name or address of the node, for corosync\'s redundant ring.',
  fence: 'How to fence this node: methods tried in order until one succeeds.',
  method: 'One way of fencing the node. All devices of a method must succeed (e.g. both power supplies); if any fails, fenced tries the next method.',
  device: 'Uses a fence device on this node: names a <fencedevice> and adds the per-node parameters, such as the outlet (port) that feeds this node.',
  unfence: 'Devices to "unfence" the node when it joins again (needed by storage fencing such as fence_scsi, which must re-register the node).',
  fencedevices: 'The fence devices of the cluster, referenced by name from the nodes\' <device> entries.',
  fencedevice: 'A fence device: which agent drives it (agent="fence_…") and the shared parameters (address, login). Nodes refer to it by name.',
  rm: 'The resource manager (rgmanager): failover domains, resources and the services/VMs built from them.',
  failoverdomains: 'Failover domains: named sets of nodes where services may run.',
  failoverdomain: 'A named set of nodes a service prefers or is restricted to; ordered domains use the priorities of their nodes.',
  failoverdomainnode: 'A member of a failover domain, with its priority (1 is the most preferred).',
  events: 'Event scripts for central_processing mode.',
  event: 'An event script that rgmanager runs when a node or service event matches.',
  resources: 'Global resources, defined once and used by services with ref="…".',
  'resource-defaults': 'Default values for resource agents\' parameters.',
  service: 'A resource group rgmanager starts, stops and moves as a unit; its children start in order and stop in reverse.',
  vm: 'A virtual machine managed by rgmanager: started, stopped and (live) migrated between nodes.',
  action: 'Overrides the timeout or interval of one action (start, stop, status) for this resource.',
  clvmd: 'Settings of clvmd, the cluster-aware LVM daemon.',
  ip: 'A floating IP address that moves with the service.',
  fs: 'A local file system (ext3/ext4/xfs) mounted on the node that runs the service.',
  clusterfs: 'A cluster file system (GFS/GFS2) mounted by the service.',
  netfs: 'An NFS or CIFS mount made by the service.',
  nfsexport: 'An NFS export point; holds the <nfsclient> entries allowed to mount it.',
  nfsclient: 'A host or network that may mount the enclosing NFS export, with its export options.',
  nfsserver: 'An NFSv4-capable NFS server managed as one resource.',
  script: 'An init script (start/stop/status) run as a resource.',
  lvm: 'An LVM volume group (HA-LVM), activated only on the node running the service.',
  drbd: 'A DRBD resource promoted to primary on the node running the service.',
  apache: 'An Apache httpd instance.',
  mysql: 'A MySQL server instance.',
  'postgres-8': 'A PostgreSQL 8 server instance.',
  'tomcat-5': 'A Tomcat 5 instance.',
  'tomcat-6': 'A Tomcat 6 instance.',
  openldap: 'An OpenLDAP slapd instance.',
  samba: 'A Samba server instance.',
  smb: 'A Samba share server (older agent).',
  named: 'A BIND name server instance.',
  oracledb: 'An Oracle database instance with its listener.',
  orainstance: 'An Oracle instance (newer agents).',
  oralistener: 'An Oracle listener (newer agents).',
  oradg: 'An Oracle Data Guard instance (newer agents).',
  SAPInstance: 'An SAP instance (ABAP or Java).',
  SAPDatabase: 'The database of an SAP system.',
  ASEHAagent: 'A Sybase ASE server.',
  'bind-mount': 'A bind mount (newer agents).',
  'db2.sh': 'An IBM DB2 instance (newer agents).',
  uidgid: 'Creates a user/group ID pair (newer agents).',
});

/** Attribute documentation, by `element.attribute` or by attribute name alone (shared meaning). */
export const ATTRIBUTE_DOCS: Record<string, string> = nameTable({
  'cluster.name': 'Name of the cluster, at most 15 characters. Every node must carry the same name; cman derives the cluster ID (and so the multicast address) from it.',
  'cluster.config_version': 'Revision number of this file, a positive integer. Raise it by one with every change, then push the file (cman_tool version -r); nodes ignore a file whose version is not higher than the one they run.',
  'cman.two_node': 'Set to 1 for a cluster of exactly two nodes: either node alone keeps quorum. Requires expected_votes="1"; fencing then decides which node survives a split.',
  'cman.expected_votes': 'Total votes cman expects; quorum is half of it plus one. Defaults to the sum of the nodes\' votes. Must be 1 with two_node="1".',
  'cman.transport': 'How the nodes talk: udp (multicast, default), udpb (broadcast), udpu (unicast) or rdma (InfiniBand).',
  'cman.port': 'UDP port of cluster traffic (default 5405; 5404 is used too).',
  'cman.cluster_id': 'Explicit cluster ID, instead of one derived from the cluster name.',
  'cman.broadcast': 'yes to use broadcast instead of multicast.',
  'cman.upgrading': 'Set during a rolling upgrade from an older major release.',
  'cman.quorum_dev_poll': 'Milliseconds without a message from qdiskd before cman considers the quorum disk gone.',
  'cman.shutdown_timeout': 'Milliseconds to wait for applications to leave before cman shuts down.',
  'cman.keyfile': 'File with the key used to authenticate and encrypt cluster traffic.',
  'multicast.addr': 'Multicast address of cluster traffic; use 239.192.x.x.',
  'multicast.ttl': 'Multicast TTL; raise it only when nodes are on different subnets.',
  'totem.token': 'Milliseconds without the token before a node is declared dead (default 10000 under cman). Raise it on busy or virtualised nodes to avoid needless fencing.',
  'totem.consensus': 'Milliseconds to reach consensus before a new membership round.',
  'totem.join': 'Milliseconds to wait for join messages.',
  'totem.secauth': 'on to authenticate and encrypt totem traffic.',
  'totem.rrp_mode': 'Redundant ring mode: none, active or passive.',
  'totem.token_retransmits_before_loss_const': 'Token retransmissions before the token is declared lost.',
  'quorumd.label': 'Label of the quorum disk partition (mkqdisk -l); preferred over device=.',
  'quorumd.device': 'Block device of the quorum disk.',
  'quorumd.votes': 'Votes the quorum disk adds.',
  'quorumd.interval': 'Seconds between qdiskd cycles.',
  'quorumd.tko': 'Missed cycles after which a node is declared dead by qdiskd.',
  'quorumd.min_score': 'Minimum heuristic score a node needs to keep the quorum disk\'s vote.',
  'heuristic.program': 'Command qdiskd runs; exit 0 means the heuristic passes.',
  'heuristic.score': 'Score added when the heuristic passes.',
  'fence_daemon.post_join_delay': 'Seconds fenced waits after a node joins before fencing nodes that have not joined (default 6). Start both nodes within this time.',
  'fence_daemon.post_fail_delay': 'Seconds fenced waits after a failure before fencing (default 0).',
  'fence_daemon.clean_start': '1 to skip startup fencing (only if you are sure no node holds shared storage).',
  'logging.to_syslog': 'yes to log to syslog.',
  'logging.to_logfile': 'yes to log to a file.',
  'logging.logfile': 'Path of the log file.',
  'logging.debug': 'on for debug logging.',
  'clusternode.name': 'Host name of the node as the cluster network resolves it (usually the name uname -n gives, or a name for the cluster interface).',
  'clusternode.nodeid': 'Unique positive integer identifying the node. Never reuse or renumber it while the cluster runs.',
  'clusternode.votes': 'Votes this node contributes to quorum (default 1).',
  'clusternode.weight': 'DLM locking weight; 0 keeps the node from mastering locks.',
  'method.name': 'Name of the method, only for the logs (e.g. "ipmi", "pdu").',
  'device.name': 'Name of the <fencedevice> to use.',
  'fencedevice.name': 'Name that nodes\' <device name="…"> refer to; unique in the file.',
  'fencedevice.agent': 'The fence agent program (in /usr/sbin) that drives the device, e.g. fence_ipmilan.',
  'failoverdomain.name': 'Name services refer to with domain="…".',
  'failoverdomain.ordered': '1: services run on the member with the best (lowest) priority that is up.',
  'failoverdomain.restricted': '1: services may run only on members of the domain.',
  'failoverdomain.nofailback': '1: do not move a service back when a more preferred node returns.',
  'failoverdomainnode.name': 'A <clusternode> name.',
  'failoverdomainnode.priority': 'Priority in an ordered domain; 1 is the most preferred.',
  'rm.log_level': 'Syslog level of rgmanager messages, 0 (emergencies only) to 7 (debug).',
  'rm.central_processing': '1 to let one node decide all service placement (event scripts).',
  ref: 'Use the resource of this name defined in <resources> instead of defining it here.',
  domain: 'Failover domain where the service or vm may run.',
  autostart: '0 to keep the service stopped when the cluster forms.',
  exclusive: '1 to run the service only on a node that runs no other service.',
  recovery: 'What to do when the service fails: restart (in place), relocate, disable, or restart-disable.',
  max_restarts: 'Restarts allowed within restart_expire_time before the service is relocated.',
  restart_expire_time: 'Seconds after which a restart is forgotten.',
  depend: 'Service this one depends on (service:name).',
  'vm.name': 'Name of the virtual machine (its domain name for Xen/libvirt).',
  'vm.migrate': 'How the vm moves between nodes: live (default), pause, or none.',
  'vm.path': 'Folder(s) with the domain configuration files, separated by colons.',
  'vm.use_virsh': '1 to manage the vm through libvirt (virsh), 0 to use xm.',
  'vm.hypervisor': 'Hypervisor for libvirt: xen or qemu.',
  'ip.address': 'The IP address (with /prefix) that moves with the service.',
  'ip.monitor_link': '1 to fail the resource when the interface loses its link.',
  'fs.mountpoint': 'Where to mount the file system.',
  'fs.device': 'Block device, LABEL= or UUID= of the file system.',
  'fs.fstype': 'File system type; detected when omitted.',
  'fs.force_unmount': '1 to kill processes holding the mount when stopping.',
  'fs.self_fence': '1 to reboot the node if the file system cannot be unmounted.',
  'clusterfs.mountpoint': 'Where to mount the GFS/GFS2 file system.',
  'clusterfs.device': 'Block device of the GFS/GFS2 file system.',
  'script.file': 'Path of the init script (start, stop, status).',
  'lvm.vg_name': 'Volume group to activate.',
  'lvm.lv_name': 'Logical volume to activate (all of the group when omitted).',
  name: 'Name of this element, used to refer to it.',
});

/** Fence agent parameters, as used on <fencedevice> and <device>. */
export const FENCE_PARAMETER_DOCS: Record<string, string> = nameTable({
  ipaddr: 'Address or host name of the fence device (BMC, PDU, switch).',
  ip: 'Address or host name of the fence device (newer name of ipaddr).',
  login: 'User name on the fence device.',
  username: 'User name on the fence device (newer name of login).',
  passwd: 'Password on the fence device, in clear text; passwd_script keeps it out of this file.',
  password: 'Password on the fence device (newer name of passwd).',
  passwd_script: 'Script that prints the password, so it is not stored in cluster.conf.',
  port: 'Outlet, plug, blade or VM name the agent acts on. Needed by devices that power several machines; usually set per node on <device>.',
  plug: 'Outlet or VM name the agent acts on (newer name of port).',
  action: 'What fencing does: reboot (default for most agents), off, or on.',
  lanplus: '1 to use IPMI v2.0 (lanplus), needed by most modern BMCs.',
  auth: 'IPMI authentication type: none, password or md5.',
  cipher: 'IPMI v2.0 cipher suite number.',
  privlvl: 'IPMI privilege level (operator is enough for power control).',
  secure: '1 to use SSH instead of telnet.',
  ssl: '1 to use HTTPS.',
  ipport: 'TCP or UDP port of the device.',
  identity_file: 'SSH private key for the device.',
  delay: 'Seconds to wait before fencing; set on one node\'s device only, so that in a two-node split that node wins.',
  power_wait: 'Seconds to wait after a power on/off before checking.',
  power_timeout: 'Seconds to wait for the power state to change.',
  login_timeout: 'Seconds to wait for the login prompt.',
  shell_timeout: 'Seconds to wait for a command prompt.',
  retry_on: 'Attempts to power on.',
  nodename: 'Node whose SCSI reservations fence_scsi removes.',
  key: 'Reservation key for fence_scsi (unique per node).',
  devices: 'Devices fence_scsi acts on (comma-separated).',
  domain: 'Virtual machine to fence (fence_xvm/fence_virt).',
  community: 'SNMP community.',
  snmp_version: 'SNMP version: 1, 2c or 3.',
  quiet: 'Suppress messages.',
  verbose: 'Verbose output in the logs.',
  switch: 'Switch or chassis number, for devices that chain several.',
});

export function elementDoc(name: string): string | undefined {
  return ELEMENT_DOCS[name];
}

export function attributeDoc(element: string, attribute: string): string | undefined {
  return ATTRIBUTE_DOCS[`${element}.${attribute}`] ?? ATTRIBUTE_DOCS[attribute] ?? (element === 'fencedevice' || element === 'device' ? FENCE_PARAMETER_DOCS[attribute] : undefined);
}

/** A one-line description of a fence agent, from its name family. */
export function agentDoc(agent: string): string {
  const families: [RegExp, string][] = [
    [/^fence_ipmi/, 'IPMI baseboard management controller of the node (one machine per device; no port).'],
    [/^fence_(ilo|idrac|drac|imm|rsa|rsb|alom|amt|cisco_ucs|redfish|hpblade|bladecenter|ibmblade)/, 'Vendor management processor or blade chassis (HP iLO, Dell DRAC, IBM RSA/IMM, blade centres).'],
    [/^fence_(apc|wti|eaton|raritan|cdu|eps|netio|ipdu|lindypdu|tripplite|cyberpower|emerson|shelly)/, 'Network power switch (PDU): cuts the outlet that feeds the node; needs the outlet as port.'],
    [/^fence_(virsh|xvm|virt|vmware|rhevm|ovm|xenapi|vbox|pve|kubevirt|ldom|lpar|zvm|ibmz)/, 'Hypervisor: powers off the virtual machine that is the node; port names the VM.'],
    [/^fence_(aws|azure|gce|openstack|aliyun|ibm_|nutanix|hetzner|ovh|ecloud|ironic)/, 'Cloud API: stops the instance that is the node.'],
    [/^fence_(scsi|mpath|sbd)/, 'Storage fencing: cuts the node off shared storage instead of powering it off; needs <unfence>.'],
    [/^fence_(brocade|cisco_mds|sanbox|ifmib|vixel)/, 'Fabric switch: disables the node\'s port on the SAN or network switch.'],
    [/^fence_na$/, 'Node Assassin, an open-hardware fence device that presses the nodes\' power and reset switches; port selects the node.'],
    [/^fence_manual$/, 'Manual fencing: waits for an operator to confirm with fence_ack_manual. Not safe for production.'],
  ];
  return families.find(([pattern]) => pattern.test(agent))?.[1] ?? 'Fence agent.';
}

/** Where the upstream manuals explain elements, attributes and fence agents. */
export const MANUAL_PAGES = {
  /** The RHCS cluster.conf schema description (cluster project, sourceware.org). */
  schema: { title: 'cluster.conf schema (RHCS)', url: 'https://www.sourceware.org/cluster/doc/cluster_schema.html' },
  /** A fence agent's man page, as Debian publishes the fence-agents pages; `{agent}` is its name. */
  fenceAgent: { title: '{agent}(8)', url: 'https://manpages.debian.org/unstable/fence-agents/{agent}.8.en.html' },
} as const;

/** Children most configs write first, by parent (completion offers them first). */
export const COMMON_CHILDREN: Readonly<Record<string, readonly string[]>> = nameTable({
  cluster: ['cman', 'clusternodes', 'fencedevices', 'rm', 'fence_daemon', 'totem', 'quorumd', 'logging'],
  rm: ['failoverdomains', 'resources', 'service', 'vm'],
  resources: ['ip', 'fs', 'clusterfs', 'script', 'lvm', 'nfsexport', 'nfsclient'],
  service: ['ip', 'fs', 'clusterfs', 'script', 'lvm', 'drbd'],
});

/** Attributes most elements of a kind carry, in the order they are usually written. */
export const COMMON_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = nameTable({
  cman: ['two_node', 'expected_votes', 'transport'],
  clusternode: ['name', 'nodeid', 'votes'],
  fence_daemon: ['post_join_delay', 'post_fail_delay', 'clean_start'],
  failoverdomain: ['name', 'ordered', 'restricted', 'nofailback'],
  vm: ['name', 'domain', 'path', 'autostart', 'migrate', 'recovery', 'exclusive'],
  service: ['name', 'domain', 'autostart', 'recovery', 'exclusive'],
  totem: ['token', 'consensus'],
  quorumd: ['label', 'votes', 'interval', 'tko', 'min_score'],
});

/** One line per value of an enumerated attribute or fence parameter, by `element.attribute` or by name alone. */
export const VALUE_DOCS: Readonly<Record<string, Readonly<Record<string, string>>>> = nameTables({
  'cman.transport': { udp: 'Multicast UDP (default).', udpb: 'Broadcast UDP, for networks without multicast.', udpu: 'Unicast UDP to each node (RHEL 6.2 and later).', rdma: 'InfiniBand RDMA.' },
  action: { reboot: 'Power the node off and on again (default).', off: 'Power the node off and leave it off.', on: 'Power the node on (unfencing).', enable: 'Let the node reach the device again (storage unfencing).', disable: 'Cut the node off the device (storage fencing).', status: 'Report the power state.', monitor: 'Check that the device answers.', list: 'List the outlets or VMs the device knows.', 'list-status': 'List the outlets or VMs with their power state.', metadata: 'Print the agent\'s parameters as XML.', 'validate-all': 'Check the parameters without fencing.', manpage: 'Print the agent\'s manual page.', diag: 'Send the node a diagnostic interrupt (NMI), so it dumps its kernel state and reboots.', null: 'Do nothing (for testing the agent\'s setup).' },
  lanplus: { '1': 'Use IPMI 2.0 (RMCP+), needed by most current BMCs.', '0': 'Use IPMI 1.5.' },
  auth: { md5: 'MD5 authentication.', password: 'Plain password authentication.', none: 'No authentication.' },
  privlvl: { operator: 'Operator privilege (enough for power control).', administrator: 'Administrator privilege.', user: 'User privilege (not enough to power off).', callback: 'Callback privilege.' },
  boot_option: { pxe: 'Boot from the network.', hd: 'Boot from the hard disk.', hdsafe: 'Boot from the hard disk in safe mode.', cd: 'Boot from CD/DVD.', diag: 'Boot the diagnostic partition.' },
  method: { onoff: 'Power off, then on: a clean reboot (default).', cycle: 'A single power-cycle command: faster, but the agent cannot confirm the node was off.' },
  snmp_auth_prot: { MD5: 'SNMPv3 authentication with MD5.', SHA: 'SNMPv3 authentication with SHA.' },
  snmp_priv_prot: { DES: 'SNMPv3 encryption with DES.', AES: 'SNMPv3 encryption with AES.' },
  snmp_sec_level: { noAuthNoPriv: 'SNMPv3 without authentication or encryption.', authNoPriv: 'Authenticated, not encrypted.', authPriv: 'Authenticated and encrypted.' },
  snmp_version: { '1': 'SNMP v1.', '2c': 'SNMP v2c (community strings).', '3': 'SNMP v3 (users, authentication, encryption).' },
  drac_version: { DRAC: 'The original Dell DRAC.', 'DRAC CMC': 'Dell DRAC in a Chassis Management Controller (blade chassis).', 'DRAC MC': 'Dell DRAC/MC blade chassis controller.', 'DRAC 5': 'Dell DRAC 5.' },
  hmc_version: { '3': 'IBM HMC version 3.', '4': 'IBM HMC version 4 and later.', ivm: 'IBM Integrated Virtualization Manager.' },
  host_os: { linux: 'Hypervisor host runs Linux.', macos: 'Hypervisor host runs macOS.', windows: 'Hypervisor host runs Windows.' },
});

/** The meaning of the values of a boolean fence parameter. */
export const BOOLEAN_VALUE_DOCS: Readonly<Record<string, string>> = nameTable({ '1': 'On.', '0': 'Off.' });
