import type { HeaderLookup } from "./api-request";

/**
 * The header scripts/serve.mjs sets on every request to the address of the connection's peer,
 * after deleting any copy the client sent: a client cannot choose its own address, so it cannot
 * spread its requests over made-up clients to dodge the fair-use limits.
 */
const CLIENT_ADDRESS_HEADER = "x-reelcast-client-address";

/**
 * The client a request counts against for fair use. Without the production server in front
 * (`next dev`, tests that call a route in-process) every request is the same "local" client.
 */
export function clientAddress(request: { readonly headers: HeaderLookup }): string {
  return request.headers.get(CLIENT_ADDRESS_HEADER)?.trim() || "local";
}
