import { dropWorkerDatabases, prepareTemplate, testDatabaseKind } from "./databases";

export default async function globalSetup(): Promise<() => Promise<void>> {
  const kind = testDatabaseKind();
  await prepareTemplate(kind);
  return () => dropWorkerDatabases(kind);
}
