/** Request header the proxy sets to the requested path + query, so requireUser can build `?next=`. */
export const REQUEST_PATH_HEADER = "x-spotter-path";
