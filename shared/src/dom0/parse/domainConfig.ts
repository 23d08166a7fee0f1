/** What the long listings (`xl list -l` JSON, `xm list --long` S-expressions) tell about one domain. */
export interface DiskDevice {
  /** Virtual device name as the guest sees it (xvda, hda, ...). */
  readonly vdev: string;
  /** Backing path (phy:/dev/..., an image file, a DRBD resource). */
  readonly target: string;
  /** `w` read-write, `r` read-only. */
  readonly mode: string;
  readonly cdrom: boolean;
}

export interface NicDevice {
  readonly devid?: number;
  readonly mac?: string;
  readonly bridge?: string;
  readonly ip?: string;
  readonly model?: string;
}

export interface DomainConfig {
  readonly name: string;
  /** Undefined when a domain has no id yet (being built) or the output omits it. */
  readonly id?: number;
  readonly uuid?: string;
  /** pv, pvh or hvm. */
  readonly type?: string;
  readonly maxVcpus?: number;
  readonly maxMemoryMiB?: number;
  readonly targetMemoryMiB?: number;
  readonly kernel?: string;
  readonly disks: DiskDevice[];
  readonly nics: NicDevice[];
  /** Only `xm list --long` carries these (xl prints them in `xl list`). */
  readonly flags?: string;
  readonly cpuTimeSeconds?: number;
  readonly onlineVcpus?: number;
}
