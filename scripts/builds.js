// Builds that a running server never loses: each build goes to a fresh `build-<stamp>/`, then `build` (a symlink)
// is switched to it in one rename, and an old build is deleted only once no server started from it still runs.
// A server loads route chunks lazily from the folder it started in (Node resolves the symlink at start), so
// rebuilding while it runs leaves it serving its own build. Shared by `npm run build`, `npm start`, `npm test`,
// the e2e harness and the bench.
import { existsSync, lstatSync, mkdirSync, readdirSync, realpathSync, renameSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** The name every entry point uses: a symlink to the current build folder. */
export const LINK = 'build';
const STAMPED = /^build-[0-9a-z]+-\d+$/;
/** Inside a build folder: one empty file per process serving from it, named by its pid. */
const SERVERS = '.servers';

/** Whether a process with this pid runs on this machine. @param {number} pid */
function isRunning(pid) {
	try {
		process.kill(pid, 0);
		return true;
	} catch (err) {
		return /** @type {NodeJS.ErrnoException} */ (err).code === 'EPERM';
	}
}

/** The current build folder (absolute, symlink resolved), or null when there is none. @param {string} root */
export function currentBuild(root) {
	try {
		return realpathSync(path.join(root, LINK));
	} catch {
		return null;
	}
}

let builds = 0;

/** A fresh folder name for the next build, relative to root: `build-<time><n>-<builder's pid>`. */
export function freshBuildName() {
	return `build-${Date.now().toString(36)}${(builds++).toString(36)}-${process.pid}`;
}

/**
 * Points `build` at `name` (a folder in root) in one rename: a reader sees the old build or the new one, never
 * none. A `build` that is still a real folder (from before builds were stamped) is moved aside to a stamped name.
 * @param {string} root @param {string} name
 */
export function switchTo(root, name) {
	const link = path.join(root, LINK);
	let info = null;
	try {
		info = lstatSync(link);
	} catch {
		/* no build yet */
	}
	if (info && !info.isSymbolicLink()) renameSync(link, path.join(root, `build-0legacy${Date.now().toString(36)}-${process.pid}`));
	const tmp = path.join(root, `.${LINK}.${process.pid}.link`);
	rmSync(tmp, { force: true });
	symlinkSync(name, tmp);
	renameSync(tmp, link);
}

/**
 * Records that process `pid` serves from build folder `dir` (default: the current build), so removeUnusedBuilds
 * keeps that folder while it runs. Returns the build's entry (`<folder>/index.js`, absolute; start the server
 * with it) and a function that removes the record.
 * @param {string} root @param {number} pid @param {string | null} [dir]
 */
export function registerServer(root, pid, dir = currentBuild(root)) {
	if (!dir) throw new Error(`no build in ${root}: run npm run build`);
	mkdirSync(path.join(dir, SERVERS), { recursive: true });
	const mark = path.join(dir, SERVERS, String(pid));
	writeFileSync(mark, '');
	return {
		entry: path.join(dir, 'index.js'),
		release: () => {
			try {
				unlinkSync(mark);
			} catch {
				/* gone already */
			}
		}
	};
}

/** Whether a live process serves from build folder `dir`. @param {string} dir */
function inUse(dir) {
	let pids;
	try {
		pids = readdirSync(path.join(dir, SERVERS));
	} catch {
		return false;
	}
	return pids.some((p) => /^\d+$/.test(p) && isRunning(Number(p)));
}

/**
 * Deletes the stamped build folders that are neither the current build nor used by a running server, and
 * returns their names. A build being written right now (by another `npm run build`) is younger than the current
 * one's switch and not yet linked: it is kept while its builder runs (its pid is in its name).
 * @param {string} root
 */
export function removeUnusedBuilds(root) {
	const current = currentBuild(root);
	const removed = [];
	for (const name of readdirSync(root)) {
		if (!STAMPED.test(name)) continue;
		const dir = path.join(root, name);
		if (dir === current || inUse(dir)) continue;
		const builder = Number(name.split('-').at(-1));
		if (builder !== process.pid && isRunning(builder) && !existsSync(path.join(dir, SERVERS))) continue; // still building
		rmSync(dir, { recursive: true, force: true });
		removed.push(name);
	}
	return removed;
}
