//! Pages of a table: which rows a page shows and which page links to offer. Plain links, one URL per page.

/// The page actually shown of `total` rows in pages of `size`: a page past the end shows the last.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    /// 1-based.
    pub page: usize,
    pub pages: usize,
    /// The rows shown: `start..end`.
    pub start: usize,
    pub end: usize,
    pub total: usize,
}

impl Window {
    pub fn new(total: usize, page: usize, size: usize) -> Window {
        let size = size.max(1);
        let pages = total.div_ceil(size).max(1);
        let page = page.clamp(1, pages);
        let start = (page - 1) * size;
        Window { page, pages, start, end: (start + size).min(total), total }
    }

    /// The first row shown, 1-based (0 when there is none), for "showing 51–100 of 230".
    pub fn first_shown(&self) -> usize {
        if self.total == 0 {
            0
        } else {
            self.start + 1
        }
    }

    /// The links of a pager: first and previous, the pages around this one, next and last.
    pub fn links(&self) -> Vec<PageLink> {
        let mut out = Vec::new();
        if self.page > 1 {
            out.push(PageLink { page: 1, kind: LinkKind::First });
            out.push(PageLink { page: self.page - 1, kind: LinkKind::Previous });
        }
        for p in self.page.saturating_sub(2).max(1)..=(self.page + 2).min(self.pages) {
            out.push(PageLink { page: p, kind: if p == self.page { LinkKind::Current } else { LinkKind::Number } });
        }
        if self.page < self.pages {
            out.push(PageLink { page: self.page + 1, kind: LinkKind::Next });
            out.push(PageLink { page: self.pages, kind: LinkKind::Last });
        }
        out
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkKind {
    First,
    Previous,
    Number,
    Current,
    Next,
    Last,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageLink {
    pub page: usize,
    pub kind: LinkKind,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_cover_every_row_once_and_clamp_the_page() {
        for total in [0, 1, 49, 50, 51, 230] {
            for size in [25, 50] {
                let w = Window::new(total, 1, size);
                let mut seen = 0;
                for page in 1..=w.pages {
                    let p = Window::new(total, page, size);
                    assert_eq!(p.start, seen);
                    assert!(p.end - p.start <= size);
                    seen = p.end;
                }
                assert_eq!(seen, total);
                assert_eq!(Window::new(total, 999, size).page, w.pages);
                assert_eq!(Window::new(total, 0, size).page, 1);
            }
        }
        let w = Window::new(230, 3, 50);
        assert_eq!((w.start, w.end, w.first_shown(), w.pages), (100, 150, 101, 5));
        assert_eq!(Window::new(0, 1, 50).first_shown(), 0);
    }

    #[test]
    fn a_pager_offers_neighbours_and_both_ends() {
        let pages = |w: Window| w.links().iter().map(|l| (l.page, l.kind)).collect::<Vec<_>>();
        use LinkKind::*;
        assert_eq!(pages(Window::new(230, 1, 50)), vec![(1, Current), (2, Number), (3, Number), (2, Next), (5, Last)]);
        assert_eq!(pages(Window::new(230, 5, 50)), vec![(1, First), (4, Previous), (3, Number), (4, Number), (5, Current)]);
        assert_eq!(pages(Window::new(10, 1, 50)), vec![(1, Current)]);
    }
}
