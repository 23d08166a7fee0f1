/**
 * Domain config templates, offered by completion in an empty domain config.
 * `{{name}}` is the file's name, `{{mac}}` a Xen MAC no guest of the
 * workspace uses (complete.ts fills them).
 */
import type { SnippetTemplate } from '../../../common/completion';

export const SNIPPETS: readonly SnippetTemplate[] = [
  {
    prefix: 'xl-pv',
    title: 'PV guest',
    description: 'Paravirtualised guest booted from a dom0 kernel and ramdisk: type, xvd disks, an explicit Xen MAC and bridge.',
    body: [
      '# PV guest, see xl.cfg(5)',
      'name = "${1:{{name}}}"',
      'type = "pv"',
      'kernel = "${2:/boot/vmlinuz-xen}"',
      'ramdisk = "${3:/boot/initrd-xen.gz}"',
      'root = "${4:/dev/xvda ro}"',
      'extra = "${5:console=hvc0}"',
      'memory = ${6:512}',
      'vcpus = ${7:1}',
      "vif = [ 'mac=${8:{{mac}}}, bridge=${9|xenbr0,xenbr1|}' ]",
      "disk = [ 'format=raw, vdev=xvda, access=rw, target=${10:/dev/vg/$1}',",
      "         'format=raw, vdev=xvdb, access=rw, target=${11:/dev/vg/$1-swap}' ]",
      'on_crash = "${12|restart,destroy,preserve|}"',
      '$0',
    ].join('\n'),
  },
  {
    prefix: 'xl-hvm',
    title: 'HVM guest',
    description: 'Fully virtualised guest installing from an ISO: type = "hvm", an emulated NIC, a CD-ROM drive to boot from, a VNC console on dom0\'s loopback.',
    body: [
      '# HVM guest, see xl.cfg(5)',
      'name = "${1:{{name}}}"',
      'type = "hvm"',
      'memory = ${2:1024}',
      'vcpus = ${3:2}',
      '# at least 2 KiB per MiB of guest memory, plus a few MiB per vCPU',
      'shadow_memory = ${4:8}',
      'acpi = 1',
      'apic = 1',
      "vif = [ 'mac=${5:{{mac}}}, bridge=${6|xenbr0,xenbr1|}, model=${7|e1000,rtl8139|}' ]",
      '# remove the cdrom entry once the installation is done',
      "disk = [ 'format=raw, vdev=hda, access=rw, target=${8:/dev/vg/$1}',",
      "         'format=raw, vdev=hdc, access=ro, devtype=cdrom, target=${9:/srv/iso/install.iso}' ]",
      '# boot from CD-ROM (d) first, then the hard disk (c)',
      'boot = "${10|dc,cd,c|}"',
      'sdl = 0',
      'vnc = 1',
      'vnclisten = "${11:127.0.0.1}"',
      'vncpasswd = "${12}"',
      'serial = "pty"',
      'usb = 1',
      'usbdevice = "tablet"',
      '$0',
    ].join('\n'),
  },
  {
    prefix: 'xl-pvh',
    title: 'PVH guest',
    description: 'PVH guest: paravirtualised, no device model, direct kernel boot (Xen 4.10 and later).',
    body: [
      '# PVH guest, see xl.cfg(5)',
      'name = "${1:{{name}}}"',
      'type = "pvh"',
      'kernel = "${2:/boot/vmlinuz}"',
      'ramdisk = "${3:/boot/initrd.img}"',
      'extra = "${4:root=/dev/xvda1 ro console=hvc0}"',
      'memory = ${5:1024}',
      'vcpus = ${6:2}',
      "vif = [ 'mac=${7:{{mac}}}, bridge=${8|xenbr0,xenbr1|}' ]",
      "disk = [ 'format=raw, vdev=xvda, access=rw, target=${9:/dev/vg/$1}' ]",
      'on_crash = "${10|restart,destroy,preserve|}"',
      '$0',
    ].join('\n'),
  },
];
