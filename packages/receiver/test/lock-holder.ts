// Another process holding SQLite's write lock, as a backup or the sqlite3 shell would: started by the
// lock tests with the database path; prints "locked" once it holds the lock, commits and exits on "release".
import Database from 'better-sqlite3';

// Run without a path (a test runner given the whole folder), it does nothing.
if (!process.argv[2]) process.exit(0);
const db = new Database(process.argv[2], { timeout: 10_000 });
db.exec('BEGIN IMMEDIATE');
process.stdout.write('locked\n');
process.stdin.setEncoding('utf8');
process.stdin.on('data', (text: string) => {
  if (!text.includes('release')) return;
  db.exec('COMMIT');
  db.close();
  process.stdout.write('released\n');
  process.exit(0);
});
