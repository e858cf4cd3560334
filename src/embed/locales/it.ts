import type { Strings } from './en.ts';

const it: Strings = {
  openChat: 'Apri la chat', closeChat: 'Chiudi la chat', unread: 'messaggi non letti', online: 'Online', away: 'Assente',
  loading: 'Caricamento…', conversation: 'Conversazione', messageLabel: 'Messaggio', placeholder: 'Scrivi un messaggio…',
  send: 'Invia', attach: 'Allega un file', uploading: 'Caricamento di {name}: {percent}%',
  fileTooLarge: 'I file possono pesare al massimo 10 MB.', typing: '{name} sta scrivendo…', agent: 'Assistenza', you: 'Tu',
  sending: 'Invio…', delivered: 'Consegnato', read: 'Letto', notSent: 'Non inviato.', retry: 'Riprova',
  prechatTitle: 'Parlaci un po’ di te', startChat: 'Inizia la chat', required: 'obbligatorio',
  offlineTitle: 'Al momento non ci siamo', emailLabel: 'La tua email',
  offlineHint: 'Lascia la tua email e il tuo messaggio: ti risponderemo via email.',
  resolved: 'Questa conversazione è stata chiusa.', newConversation: 'Inizia una nuova conversazione',
  csatTitle: 'Come valuti questa conversazione?', csatStars: '{n} su 5', csatComment: 'Altro da aggiungere? (facoltativo)',
  csatSubmit: 'Invia valutazione', csatThanks: 'Grazie per il tuo feedback!', refused: 'Questa chat non è attiva su {origin}.',
  refusedHint: 'Il proprietario del sito può consentire questo indirizzo nelle impostazioni del widget.',
  notFramed: 'Questa chat si apre all’interno di un sito.', unknownWidget: 'Questa chat non esiste (più).',
  identityRequired: 'Accedi al sito per chattare con noi.', genericError: 'Qualcosa è andato storto. Riprova.',
  newMessage: 'Nuovo messaggio da {name}', attachment: 'Allegato',
  remove: 'Rimuovi',
  rateLimited: 'Troppe chat avviate dalla tua rete in questo momento. Riprova tra qualche minuto.',
};
export default it;
