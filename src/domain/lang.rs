//! The app's two languages, and how the core carries words in both.
//!
//! The one pattern: the core never picks a language. A fixed word or sentence is a `Tr` (Thai and English
//! side by side, in the code that owns the meaning: a method's name beside the method, a flag's
//! explanation beside the flag); a sentence with values in it (an issue about a file) is composed in
//! both languages at once and carried as a pair of strings. The UI picks one with `get(lang)`. The UI's own
//! words (buttons, headings) are `ui::i18n::Key`s.
use serde::Serialize;

/// The two languages of the app. Thai first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Th,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Th, Lang::En];

    pub fn code(self) -> &'static str {
        match self {
            Lang::Th => "th",
            Lang::En => "en",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.code() == code)
    }

    pub fn other(self) -> Lang {
        match self {
            Lang::Th => Lang::En,
            Lang::En => Lang::Th,
        }
    }
}

/// A fixed text in Thai and English.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Tr {
    pub th: &'static str,
    pub en: &'static str,
}

impl Tr {
    pub const fn new(th: &'static str, en: &'static str) -> Tr {
        Tr { th, en }
    }

    pub fn get(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Th => self.th,
            Lang::En => self.en,
        }
    }
}
