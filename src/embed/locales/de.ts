import type { Strings } from './en.ts';

const de: Strings = {
  openChat: 'Chat öffnen', closeChat: 'Chat schließen', unread: 'ungelesene Nachrichten', online: 'Online', away: 'Abwesend',
  loading: 'Wird geladen…', conversation: 'Unterhaltung', messageLabel: 'Nachricht', placeholder: 'Nachricht schreiben…',
  send: 'Senden', attach: 'Datei anhängen', uploading: '{name} wird hochgeladen: {percent} %',
  fileTooLarge: 'Dateien dürfen höchstens 10 MB groß sein.', typing: '{name} schreibt…', agent: 'Support', you: 'Sie',
  sending: 'Wird gesendet…', delivered: 'Zugestellt', read: 'Gelesen', notSent: 'Nicht gesendet.', retry: 'Erneut versuchen',
  prechatTitle: 'Erzählen Sie uns kurz von sich', startChat: 'Chat starten', required: 'Pflichtfeld',
  offlineTitle: 'Wir sind gerade nicht da', emailLabel: 'Ihre E-Mail',
  offlineHint: 'Hinterlassen Sie E-Mail und Nachricht: Wir antworten per E-Mail.',
  resolved: 'Diese Unterhaltung wurde beendet.', newConversation: 'Neue Unterhaltung beginnen',
  csatTitle: 'Wie bewerten Sie diese Unterhaltung?', csatStars: '{n} von 5', csatComment: 'Noch etwas? (optional)',
  csatSubmit: 'Bewertung senden', csatThanks: 'Danke für Ihr Feedback!', refused: 'Dieser Chat ist auf {origin} nicht aktiviert.',
  refusedHint: 'Der Seitenbetreiber kann diese Adresse in den Widget-Einstellungen erlauben.',
  notFramed: 'Dieser Chat öffnet sich auf einer Website.', unknownWidget: 'Diesen Chat gibt es nicht (mehr).',
  identityRequired: 'Bitte melden Sie sich auf der Website an, um mit uns zu chatten.',
  genericError: 'Etwas ist schiefgegangen. Bitte versuchen Sie es erneut.', newMessage: 'Neue Nachricht von {name}',
  attachment: 'Anhang',
  remove: 'Entfernen',
  rateLimited: 'Gerade starten zu viele Chats aus Ihrem Netzwerk. Bitte versuchen Sie es in ein paar Minuten erneut.',
};
export default de;
