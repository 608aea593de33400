/** Hands bytes made in the page to the browser as a file download. Browser only. */
export function download(data: BlobPart, type: string, name: string): void {
	const url = URL.createObjectURL(new Blob([data], { type }));
	const a = document.createElement('a');
	a.href = url;
	a.download = name;
	a.rel = 'noopener';
	document.body.append(a);
	a.click();
	a.remove();
	// Revoked later: some browsers read the blob after click() returns.
	setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
