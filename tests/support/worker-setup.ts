// Runs before each test file: gives it a fresh, migrated database (before any app module
// reads DATABASE_URL) and installs the console.error guard.
import { testDatabaseKind, workerDatabase } from "./databases";
import { installConsoleGuard } from "./console-guard";

// Each test file runs in its own forked process, so the pid names its database.
const worker = String(process.pid);
process.env.DATABASE_URL = await workerDatabase(testDatabaseKind(), worker);

installConsoleGuard();
