import { Upload } from 'lucide-react';
import { useId, useRef, useState, type ChangeEvent } from 'react';
import { Alert } from '../../../components/ui/Alert.tsx';
import { Avatar } from '../../../components/ui/Avatar.tsx';
import { Button } from '../../../components/ui/Button.tsx';
import { Card } from '../../../components/ui/Card.tsx';
import { ProgressBar } from '../../../components/ui/ProgressBar.tsx';
import { useRemoveAvatarMutation, useUploadAvatarMutation } from '../api/avatar-upload-mutation.ts';
import type { Profile } from '../api/profile-query.ts';
import { AVATAR_ACCEPT, avatarProblem } from '../avatar.utils.ts';

/** Picks, checks and uploads a picture, showing upload progress. */
export function AvatarCard({ profile }: { profile: Profile }) {
  const inputRef = useRef<HTMLInputElement>(null);
  const inputId = useId();
  const [problem, setProblem] = useState<string | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const upload = useUploadAvatarMutation();
  const remove = useRemoveAvatarMutation();

  const onPick = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    const found = avatarProblem(file);
    setProblem(found);
    if (found) return;
    setProgress(0);
    upload.mutate(
      { userId: profile.id, file, previousPath: profile.avatarPath, onProgress: setProgress },
      { onSettled: () => setProgress(null) },
    );
  };

  return (
    <Card title="Avatar" description="PNG, JPEG, WebP or GIF, up to 2 MB.">
      <div className="flex flex-wrap items-center gap-4">
        <Avatar name={profile.displayName} url={profile.avatarUrl} size="lg" />
        <div className="flex flex-wrap gap-2">
          <input ref={inputRef} id={inputId} type="file" accept={AVATAR_ACCEPT} className="sr-only" tabIndex={-1} aria-label="Avatar image file" onChange={onPick} />
          <Button variant="secondary" onClick={() => inputRef.current?.click()} disabled={upload.isPending}>
            <Upload aria-hidden className="h-4 w-4" />
            {profile.avatarPath ? 'Change picture' : 'Upload a picture'}
          </Button>
          {profile.avatarPath && (
            <Button variant="ghost" onClick={() => remove.mutate({ userId: profile.id, path: profile.avatarPath! })} disabled={remove.isPending || upload.isPending}>
              Remove
            </Button>
          )}
        </div>
      </div>
      {progress !== null && (
        <div className="mt-4 max-w-sm space-y-1">
          <ProgressBar value={progress} label="Uploading avatar" />
          <p className="text-xs text-slate-600 dark:text-slate-400">Uploading… {Math.round(progress * 100)}%</p>
        </div>
      )}
      {problem && (
        <div className="mt-4">
          <Alert>{problem}</Alert>
        </div>
      )}
    </Card>
  );
}
