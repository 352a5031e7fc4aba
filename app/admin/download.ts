// Downloads a file from an app route. Uses fetch (which App Bridge signs with a session
// token inside the admin) rather than a link, which would carry no credentials.
export async function downloadFile(path: string, filename: string): Promise<void> {
  const response = await fetch(path);
  if (!response.ok) throw new Error(`Download failed (${response.status})`);
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  link.click();
  URL.revokeObjectURL(url);
}
