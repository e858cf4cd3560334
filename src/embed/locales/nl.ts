import type { Strings } from './en.ts';

const nl: Strings = {
  openChat: 'Chat openen', closeChat: 'Chat sluiten', unread: 'ongelezen berichten', online: 'Online', away: 'Afwezig',
  loading: 'Laden…', conversation: 'Gesprek', messageLabel: 'Bericht', placeholder: 'Schrijf een bericht…',
  send: 'Versturen', attach: 'Bestand bijvoegen', uploading: '{name} uploaden: {percent}%',
  fileTooLarge: 'Bestanden mogen maximaal 10 MB zijn.', typing: '{name} typt…', agent: 'Support', you: 'Jij',
  sending: 'Versturen…', delivered: 'Afgeleverd', read: 'Gelezen', notSent: 'Niet verstuurd.', retry: 'Opnieuw proberen',
  prechatTitle: 'Vertel ons iets over jezelf', startChat: 'Chat starten', required: 'verplicht',
  offlineTitle: 'We zijn er nu niet', emailLabel: 'Je e-mailadres',
  offlineHint: 'Laat je e-mailadres en bericht achter: we antwoorden per e-mail.',
  resolved: 'Dit gesprek is gesloten.', newConversation: 'Nieuw gesprek starten',
  csatTitle: 'Hoe beoordeel je dit gesprek?', csatStars: '{n} van 5', csatComment: 'Nog iets toe te voegen? (optioneel)',
  csatSubmit: 'Beoordeling versturen', csatThanks: 'Bedankt voor je feedback!', refused: 'Deze chat is niet ingeschakeld op {origin}.',
  refusedHint: 'De eigenaar van de site kan dit adres toestaan in de widgetinstellingen.',
  notFramed: 'Deze chat opent binnen een website.', unknownWidget: 'Deze chat bestaat niet (meer).',
  identityRequired: 'Log in op de site om met ons te chatten.', genericError: 'Er ging iets mis. Probeer het opnieuw.',
  newMessage: 'Nieuw bericht van {name}', attachment: 'Bijlage',
  remove: 'Verwijderen',
  rateLimited: 'Er starten nu te veel chats vanaf je netwerk. Probeer het over een paar minuten opnieuw.',
};
export default nl;
