//! The corpus-order (`ord`) column of every segment, opened once per opened index rather than
//! once per search: opening a column reads its block headers, which costs as much as a
//! search's lookups in it.

use super::schema::ORD_FIELD;
use std::sync::Arc;
use tantivy::columnar::ColumnValues;
use tantivy::index::SegmentId;
use tantivy::{DocId, Searcher, SegmentReader};

/// The `ord` column of each segment of a searcher, in segment order.
#[derive(Clone)]
pub struct OrdColumns {
    segments: Vec<SegmentId>,
    columns: Vec<Option<Arc<dyn ColumnValues<u64>>>>,
}

impl OrdColumns {
    /// Opens the column of every segment of `searcher`.
    pub fn open(searcher: &Searcher) -> OrdColumns {
        let readers = searcher.segment_readers();
        OrdColumns {
            segments: readers.iter().map(SegmentReader::segment_id).collect(),
            columns: readers.iter().map(ord_column).collect(),
        }
    }

    /// These columns when they are `searcher`'s segments', or else the columns of its
    /// segments opened now.
    pub fn for_searcher(self: &Arc<Self>, searcher: &Searcher) -> Arc<OrdColumns> {
        let readers = searcher.segment_readers();
        let same = readers.len() == self.segments.len()
            && readers
                .iter()
                .zip(&self.segments)
                .all(|(reader, id)| reader.segment_id() == *id);
        if same {
            self.clone()
        } else {
            Arc::new(OrdColumns::open(searcher))
        }
    }

    /// The place in corpus order of `doc` of segment `segment_ord` (`u64::MAX` without one).
    pub fn ord(&self, segment_ord: u32, doc: DocId) -> u64 {
        self.columns
            .get(segment_ord as usize)
            .and_then(Option::as_ref)
            .map_or(u64::MAX, |column| column.get_val(doc))
    }
}

/// The `ord` column of a segment (`u64::MAX` for documents without one).
fn ord_column(segment: &SegmentReader) -> Option<Arc<dyn ColumnValues<u64>>> {
    segment
        .fast_fields()
        .u64(ORD_FIELD)
        .ok()
        .map(|column| column.first_or_default_col(u64::MAX))
}
