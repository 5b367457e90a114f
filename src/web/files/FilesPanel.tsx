// Files of a case: placeholder until the files module lands.
export function FilesPanel(_props: { caseId: string }) { return null; }
