import { isIPv6 } from "node:net";

/**
 * The key a client's counts are kept under. IPv4: the address. IPv6: its /64 network, because a
 * single home or server is normally given a whole /64 and could otherwise take a fresh address
 * (and a fresh allowance) for every request.
 */
export function fairUseClientKey(address: string): string {
  const trimmed = address.trim().toLowerCase();
  if (!isIPv6(trimmed)) return trimmed;
  const zoneless = trimmed.split("%")[0]!;
  const [head, tail = ""] = zoneless.split("::");
  const headGroups = head ? head.split(":") : [];
  const tailGroups = zoneless.includes("::") ? (tail ? tail.split(":") : []) : [];
  // An embedded IPv4 tail (::ffff:1.2.3.4) is two groups; only the first four groups matter here.
  const groups = zoneless.includes("::") ? [...headGroups, ...Array(8 - headGroups.length - tailGroups.length).fill("0"), ...tailGroups] : headGroups;
  return `${groups
    .slice(0, 4)
    .map((group) => (Number.parseInt(group, 16) || 0).toString(16))
    .join(":")}::/64`;
}
