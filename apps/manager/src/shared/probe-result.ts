// Shared by the manager server and the site: the wire shape of GET /manager-api/probe.

/** What GET /manager-api/probe answers. */
export interface ProbeResult {
  /** Whether anything answered at the configured address. */
  reachable: boolean;
  /** The health URL that was tried. */
  url: string;
  /** Whether the answer looked like a FlexNet Embedded license server's health document. */
  isFlexNetEmbedded: boolean;
  /** The license server's version, when it answered. */
  version?: string;
  /** The license server's own status, when it answered. */
  status?: string;
  /** The HTTP status of the health answer. */
  httpStatus?: number;
  /** Why the server is unreachable or not a FlexNet Embedded server. */
  error?: string;
  /** How long the probe took (ms). */
  elapsedMs: number;
}
