/** @jsxImportSource preact */
import { useState } from 'preact/hooks';
import { submitCsat } from '../api.ts';
import { fill, type Strings } from '../i18n.ts';
import { Icon } from './Icons.tsx';

interface CsatFormProps {
  conversationId: string;
  rated: boolean;
  strings: Strings;
}

/** Rating 1-5 with an optional comment, once the conversation is resolved. */
export function CsatForm({ conversationId, rated, strings }: CsatFormProps) {
  const [rating, setRating] = useState(0);
  const [comment, setComment] = useState('');
  const [done, setDone] = useState(rated);
  const [problem, setProblem] = useState<string | null>(null);

  if (done) return <p class="thanks" role="status">{strings.csatThanks}</p>;

  const submit = (event: Event) => {
    event.preventDefault();
    if (!rating) return;
    submitCsat(conversationId, rating, comment.trim()).then(() => setDone(true), (error: Error) => setProblem(error.message));
  };

  return (
    <form class="csat" onSubmit={submit}>
      <fieldset>
        <legend>{strings.csatTitle}</legend>
        <div class="stars">
          {[1, 2, 3, 4, 5].map((value) => (
            <label key={value} class={value <= rating ? 'star on' : 'star'}>
              <input type="radio" name="rating" class="visually-hidden" value={value} checked={rating === value} required
                onChange={() => setRating(value)} aria-label={fill(strings.csatStars, { n: value })} />
              <Icon name="star" filled={value <= rating} />
            </label>
          ))}
        </div>
      </fieldset>
      <label class="field">
        <span>{strings.csatComment}</span>
        <textarea rows={2} maxLength={1000} value={comment} onInput={(e) => setComment(e.currentTarget.value)} />
      </label>
      {problem && <p class="error" role="alert">{problem}</p>}
      <button type="submit" class="primary" disabled={!rating}>{strings.csatSubmit}</button>
    </form>
  );
}
