// Where the tests serve the built site: the port can be moved with E2E_PORT so that two runs
// on one machine do not collide. The site is served under two different sub-paths.
export const PORT = Number(process.env.E2E_PORT ?? 4173);
export const SITE = `http://127.0.0.1:${PORT}/outcomes/`;
export const OTHER_SITE = `http://127.0.0.1:${PORT + 1}/council/committees/health/`;
