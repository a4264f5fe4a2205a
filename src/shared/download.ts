// Saves JSON as a file from an extension page (popup "download report", options "export my data").
export function downloadJson(fileName: string, data: unknown): void {
  const blob = new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  // revoke later: Firefox cancels the download when the URL is revoked in the same task
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
