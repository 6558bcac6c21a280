// The wall runs in the browser only: it is a live map and a clock, with nothing worth rendering on the server.
export const ssr = false;
