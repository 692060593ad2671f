import { useId, useState } from 'react';
import type { ProjectEntry } from '../../shared/api/backendApi';
import { useBackend } from '../backend/useBackend';
import { useBackendQuery } from '../backend/useBackendQuery';
import { useProjectStore } from '../state/projectStore';
import { Dialog } from './Dialog';
import { openFileText, openProject, saveProject } from './projectActions';
import { errorMessage } from '../../shared/errors/errorMessage';

/** Open: the workspace's projects, or a file from this computer (a project or a Keras model.json). */
export function OpenDialog({
  onClose,
  title = 'Open project',
}: {
  onClose: () => void;
  title?: string;
}) {
  const api = useBackend();
  const { data: entries, error: listError } = useBackendQuery<readonly ProjectEntry[]>(
    (api) => api.listProjects(),
    [],
  );
  const [openError, setError] = useState<string | null>(null);
  const error = openError ?? listError;
  const fileId = useId();
  const openPath = async (path: string) => {
    try {
      const opened = await api.openProject(path);
      if (opened) openProject(opened.project, opened.path);
      onClose();
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <Dialog title={title} onClose={onClose}>
      {entries && entries.length > 0 && (
        <ul className="nc-project-list" aria-label="Saved projects">
          {entries.map((p) => (
            <li key={p.path}>
              <button type="button" onClick={() => void openPath(p.path)}>
                {p.name}
              </button>
            </li>
          ))}
        </ul>
      )}
      {entries?.length === 0 && <p>No saved projects yet.</p>}
      <label htmlFor={fileId}>Open a file (project, challenge or Keras model.json)</label>
      <input
        id={fileId}
        type="file"
        accept=".json,application/json"
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (!file) return;
          file.text().then(
            (text) => {
              try {
                openFileText(text, file.name);
                onClose();
              } catch (err) {
                setError(`${file.name}: ${errorMessage(err)}`);
              }
            },
            (err: unknown) => setError(errorMessage(err)),
          );
        }}
      />
      {error && <p role="alert">{error}</p>}
    </Dialog>
  );
}

export function SaveAsDialog({ onClose }: { onClose: () => void }) {
  const api = useBackend();
  const current = useProjectStore((s) => s.project?.name ?? 'Untitled');
  const [name, setName] = useState(current);
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  return (
    <Dialog title="Save As" onClose={onClose}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          saveProject(api, name.trim() || 'Untitled').then(onClose, (err: unknown) =>
            setError(errorMessage(err)),
          );
        }}
      >
        <label htmlFor={id}>Project name</label>
        <input id={id} value={name} onChange={(e) => setName(e.target.value)} />
        <button type="submit">Save</button>
      </form>
      {error && <p role="alert">{error}</p>}
    </Dialog>
  );
}
