/**
 * The parts of `xl -N create`'s JSON (libxl_domain_config) a conversion to xl must keep (issue 17):
 * name, UUID, guest type, memory, vCPUs, disks (target, vdev, mode), vifs (MAC, bridge), the boot
 * settings and the on_* actions. Used by the migration's oracle test and scripts/migrate-report.mjs.
 */
export function comparableDomain(config: any): Record<string, unknown> {
  const c = config?.c_info ?? {};
  const b = config?.b_info ?? {};
  const hvm = b['type.hvm'] ?? {};
  return {
    name: c.name,
    uuid: c.uuid,
    type: c.type,
    memory: [b.max_memkb, b.target_memkb],
    vcpus: [b.max_vcpus, b.avail_vcpus],
    disks: (config?.disks ?? []).map((d: any) => ({ target: d.pdev_path, vdev: d.vdev, readwrite: d.readwrite ?? 0, cdrom: d.is_cdrom ?? 0 })),
    nics: (config?.nics ?? []).map((n: any) => ({ mac: n.mac, bridge: n.bridge })),
    boot: { kernel: b.kernel, ramdisk: b.ramdisk, cmdline: b.cmdline, bootloader: b.bootloader, bootloader_args: b.bootloader_args, boot: hvm.boot, firmware: hvm.firmware },
    on: [config?.on_poweroff, config?.on_reboot, config?.on_crash],
  };
}
