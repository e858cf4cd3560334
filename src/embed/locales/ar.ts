import type { Strings } from './en.ts';

const ar: Strings = {
  openChat: 'افتح الدردشة', closeChat: 'أغلق الدردشة', unread: 'رسائل غير مقروءة', online: 'متصل', away: 'غير متاح',
  loading: 'جارٍ التحميل…', conversation: 'المحادثة', messageLabel: 'الرسالة', placeholder: 'اكتب رسالة…',
  send: 'إرسال', attach: 'إرفاق ملف', uploading: 'جارٍ رفع {name}: ‎{percent}%',
  fileTooLarge: 'الحد الأقصى لحجم الملف 10 ميغابايت.', typing: '{name} يكتب…', agent: 'الدعم', you: 'أنت',
  sending: 'جارٍ الإرسال…', delivered: 'تم التسليم', read: 'تمت القراءة', notSent: 'لم تُرسل.', retry: 'إعادة المحاولة',
  prechatTitle: 'أخبرنا قليلاً عنك', startChat: 'ابدأ الدردشة', required: 'مطلوب',
  offlineTitle: 'نحن غير متاحين الآن', emailLabel: 'بريدك الإلكتروني',
  offlineHint: 'اترك بريدك الإلكتروني ورسالتك وسنرد عليك عبر البريد.',
  resolved: 'تم إغلاق هذه المحادثة.', newConversation: 'ابدأ محادثة جديدة',
  csatTitle: 'كيف تقيّم هذه المحادثة؟', csatStars: '{n} من 5', csatComment: 'هل تود إضافة شيء؟ (اختياري)',
  csatSubmit: 'إرسال التقييم', csatThanks: 'شكرًا على ملاحظاتك!', refused: 'هذه الدردشة غير مفعّلة على {origin}.',
  refusedHint: 'يمكن لمالك الموقع السماح بهذا العنوان في إعدادات الأداة.',
  notFramed: 'تُفتح هذه الدردشة داخل موقع ويب.', unknownWidget: 'هذه الدردشة غير موجودة.',
  identityRequired: 'يرجى تسجيل الدخول إلى الموقع للدردشة معنا.', genericError: 'حدث خطأ ما. حاول مرة أخرى.',
  newMessage: 'رسالة جديدة من {name}', attachment: 'مرفق',
  remove: 'إزالة',
  rateLimited: 'هناك عدد كبير جدًا من المحادثات من شبكتك الآن. يرجى المحاولة بعد بضع دقائق.',
};
export default ar;
