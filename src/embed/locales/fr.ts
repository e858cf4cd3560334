import type { Strings } from './en.ts';

const fr: Strings = {
  openChat: 'Ouvrir le chat', closeChat: 'Fermer le chat', unread: 'messages non lus', online: 'En ligne', away: 'Absent',
  loading: 'Chargement…', conversation: 'Conversation', messageLabel: 'Message', placeholder: 'Écrivez un message…',
  send: 'Envoyer', attach: 'Joindre un fichier', uploading: 'Envoi de {name} : {percent} %',
  fileTooLarge: 'Les fichiers peuvent faire 10 Mo au plus.', typing: '{name} écrit…', agent: 'Support', you: 'Vous',
  sending: 'Envoi…', delivered: 'Distribué', read: 'Lu', notSent: 'Non envoyé.', retry: 'Réessayer',
  prechatTitle: 'Parlez-nous un peu de vous', startChat: 'Commencer', required: 'obligatoire',
  offlineTitle: 'Nous sommes absents', emailLabel: 'Votre e-mail',
  offlineHint: 'Laissez votre e-mail et votre message : nous vous répondrons par e-mail.',
  resolved: 'Cette conversation est terminée.', newConversation: 'Nouvelle conversation',
  csatTitle: 'Comment évaluez-vous cette conversation ?', csatStars: '{n} sur 5', csatComment: 'Un commentaire ? (facultatif)',
  csatSubmit: 'Envoyer la note', csatThanks: 'Merci pour votre avis !', refused: 'Ce chat n’est pas activé sur {origin}.',
  refusedHint: 'Le propriétaire du site peut autoriser cette adresse dans les réglages du widget.',
  notFramed: 'Ce chat s’ouvre dans un site web.', unknownWidget: 'Ce chat n’existe pas (ou plus).',
  identityRequired: 'Connectez-vous au site pour discuter avec nous.', genericError: 'Une erreur est survenue. Réessayez.',
  newMessage: 'Nouveau message de {name}', attachment: 'Pièce jointe',
  remove: 'Retirer',
  rateLimited: 'Trop de chats démarrent depuis votre réseau en ce moment. Réessayez dans quelques minutes.',
};
export default fr;
