/**
 * Every diagnostic code the language emits, with the severity it is reported
 * at and why (docs/xl-config.md `## Codes` shows the same table): the file's
 * own `xl/*` codes and the `workspace/*` codes of its cross-file rules
 * (crossFile.ts). An error means xl (libxlutil, `xl create`, or libxl while it
 * creates the domain) refuses the file; a warning, that it runs but not as
 * written. Where a code is an error for xl, it is a warning with the xm
 * toolstack, whose parser is another. Codes are a stable interface: never rename one.
 */
import { defineCodes } from '../../common/codes';

export const { Code, codes } = defineCodes({
  syntax: { code: 'xl/syntax', severity: 'error', why: 'libxlutil stops at the first token its grammar does not expect, so xl reads no setting of the file.' },
  python: { code: 'xl/python', severity: ['error', 'info'], why: 'xl cannot read Python, so the file is refused; xm ran it, so with the xm toolstack it is only noted as unchecked.' },
  typographicQuote: { code: 'xl/typographic-quote', severity: 'error', why: 'A curly quote is not a quote to libxlutil\'s lexer, which refuses the file.' },
  unknownKey: { code: 'xl/unknown-key', severity: 'warning', why: 'xl ignores a key it does not know, so a typo silently loses the setting.' },
  xmOnlyKey: { code: 'xl/xm-only-key', severity: 'warning', why: 'The other toolstack\'s variable is ignored without a word, so the guest runs without it.' },
  deprecatedKey: { code: 'xl/deprecated-key', severity: 'warning', why: 'xl still reads (or knowingly ignores) the old key, but the guest may not get what the line says.' },
  removedKey: { code: 'xl/removed-key', severity: 'warning', why: 'The target release no longer reads the key, so the setting is lost.' },
  keyTooNew: { code: 'xl/key-too-new', severity: 'warning', why: 'An older xl ignores a key it does not know yet, so the guest runs without the setting.' },
  wrongGuestType: { code: 'xl/wrong-guest-type', severity: 'warning', why: 'xl reads the key only for other guest types, so it has no effect here.' },
  duplicateKey: { code: 'xl/duplicate-key', severity: 'warning', why: 'xl keeps the last value of a key, so the earlier line does nothing.' },
  valueType: { code: 'xl/value-type', severity: ['warning', 'error'], why: 'xl warns that the value has the wrong shape (a list, a word for a number) and goes on without it, except for the keys it reads strictly (max_grant_frames and its kin), where it exits.' },
  enumValue: { code: 'xl/enum-value', severity: ['error', 'warning'], why: 'xl exits on a value outside the key\'s choices (on_crash, type, vga, bios, …); in xl.conf it only reports it.' },
  deprecatedValue: { code: 'xl/deprecated-value', severity: 'warning', why: 'xl still accepts the old value form, with a warning, or until a later release drops it.' },
  range: { code: 'xl/range', severity: ['error', 'warning'], why: 'Out of bounds is refused where libxl checks the bound (cpu_weight, memory, videoram, SPICE ports, max_grant_frames) and replaced by a default elsewhere (vcpus = 0).' },
  appendNumber: { code: 'xl/append-number', severity: 'warning', why: 'xl says it cannot add to a number and ignores the `+=` line.' },
  relation: { code: 'xl/relation', severity: ['error', 'warning'], why: 'xl refuses maxvcpus below vcpus, and a PV guest with both kernel and firmware; maxmem below memory only stops the guest from ballooning up.' },
  missingName: { code: 'xl/missing-name', severity: 'error', why: 'xl refuses a domain without a name ("Domain name must be specified").' },
  missingKernel: { code: 'xl/missing-kernel', severity: 'error', why: 'xl refuses a PV or PVH guest with neither kernel, bootloader nor firmware.' },
  hvmloaderKernel: { code: 'xl/hvmloader-kernel', severity: 'warning', why: 'xl ignores `kernel` for an HVM guest (xm needed it for hvmloader).' },
  diskAccess: { code: 'xl/disk-access', severity: 'error', why: 'libxlutil\'s disk parser refuses an access mode other than r, ro, w, rw, including xm\'s w!.' },
  diskFormat: { code: 'xl/disk-format', severity: 'error', why: 'libxlutil\'s disk parser refuses a format it does not know.' },
  diskUnknownParam: { code: 'xl/disk-unknown-param', severity: 'error', why: 'libxlutil\'s disk parser refuses a key=value parameter it does not know.' },
  diskPrefix: { code: 'xl/disk-prefix', severity: 'error', why: 'libxlutil\'s disk parser refuses an unknown `prefix:` before the target.' },
  diskSyntax: { code: 'xl/disk-syntax', severity: 'error', why: 'libxlutil\'s disk parser refuses the spec (no vdev, too many positional values, a key twice).' },
  diskDevtype: { code: 'xl/disk-devtype', severity: 'error', why: 'libxlutil\'s disk parser refuses a device type other than cdrom or disk.' },
  diskNoTarget: { code: 'xl/disk-no-target', severity: 'error', why: 'libxl cannot attach a disk with no target unless it is an empty CD-ROM drive.' },
  diskDuplicateVdev: { code: 'xl/disk-duplicate-vdev', severity: 'error', why: 'libxl refuses the second disk with one guest device name ("device already exists").' },
  diskCdromWritable: { code: 'xl/disk-cdrom-writable', severity: 'warning', why: 'A CD-ROM is read-only to the guest, so write access is not what it gets.' },
  vifMacMalformed: { code: 'xl/vif-mac-malformed', severity: 'warning', why: 'xl does not refuse a malformed MAC but reads what it can of it, so the interface gets another MAC.' },
  vifMacMulticast: { code: 'xl/vif-mac-multicast', severity: 'warning', why: 'xl accepts a multicast MAC, but no network driver brings an interface up with it.' },
  vifMacNotXen: { code: 'xl/vif-mac-not-xen', severity: 'warning', why: 'A MAC outside 00:16:3e may collide with real hardware on the LAN.' },
  vifMacDuplicate: { code: 'xl/vif-mac-duplicate', severity: 'warning', why: 'xl accepts two interfaces with one MAC, and both then misbehave on the network.' },
  vifNoMac: { code: 'xl/vif-no-mac', severity: 'hint', why: 'Without a fixed MAC the guest gets a new random one at every start (DHCP, udev and iftab names change).' },
  vifUnknownKey: { code: 'xl/vif-unknown-key', severity: 'warning', why: 'xl reports and skips a vif key it does not know, so the setting is lost.' },
  vifValue: { code: 'xl/vif-value', severity: ['error', 'warning'], why: 'xl refuses a bad rate, devid or mtu; a bad type or a deprecated key is only reported and skipped.' },
  vifStaleName: { code: 'xl/vif-stale-vifname', severity: 'warning', why: 'A backend name copied from a stopped domain clashes when two guests use it.' },
  pciSpec: { code: 'xl/pci-spec', severity: ['error', 'warning'], why: 'libxlutil\'s PCI parser refuses the spec, and xl the domain, on any part it cannot read.' },
  specUnknownKey: { code: 'xl/spec-unknown-key', severity: ['error', 'warning'], why: 'xl refuses an unknown key in vkb, vtpm, usbctrl, usbdev, p9, pvcalls, vdispl, virtio and vsnd specs, and ignores one in vfb, channel and rdm.' },
  specValue: { code: 'xl/spec-value', severity: ['error', 'warning'], why: 'xl refuses a bad value where its parser checks it (a type, a connection, a UUID, a connector); it ignores the rest, and the whole rdm setting when rdm does not parse.' },
  specMissing: { code: 'xl/spec-missing', severity: ['error', 'warning'], why: 'xl (or libxl) refuses a device spec without the keys it needs (vtpm backend, vkb backend-type, channel connection, 9pfs tag/path/security_model, vdispl connectors).' },
  cpuRange: { code: 'xl/cpu-range', severity: ['error', 'warning'], why: 'xl refuses a `cpus`/`cpus_soft` entry it cannot read ("Invalid pcpu range"); an entry past the vCPU count is not read at all.' },
  resourceRange: { code: 'xl/resource-range', severity: ['error', 'warning'], why: 'xl refuses an iomem, ioports or irqs entry it cannot read; a few oddities it only reports and goes on.' },
  // Cross-file (crossFile.ts; docs/workspace.md explains them).
  duplicateDomainName: { code: 'workspace/duplicate-domain-name', severity: 'error', why: 'xl refuses to start a domain whose name is already running.' },
  duplicateUuid: { code: 'workspace/duplicate-uuid', severity: 'error', why: 'Two domains with one UUID cannot both be known to the toolstack.' },
  domainNotInCluster: { code: 'workspace/domain-not-in-cluster', severity: 'hint', why: 'The cluster neither restarts nor moves a domain it does not manage.' },
  duplicateMac: { code: 'workspace/duplicate-mac', severity: 'warning', why: "xl starts both guests, but on one bridge they take each other's traffic." },
  sharedDisk: { code: 'workspace/shared-disk', severity: 'warning', why: 'Two running guests writing one disk corrupt it unless it holds a cluster file system.' },
  migrationNeedsDualPrimary: { code: 'workspace/migration-needs-dual-primary', severity: 'warning', why: 'Live migration needs the DRBD disk writable on both nodes at once.' },
});

export type XlCode = (typeof Code)[keyof typeof Code];
