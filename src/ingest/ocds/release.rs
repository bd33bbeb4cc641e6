//! Compiled release JSON → the typed `Release`, leniently: a field of the wrong type is reported and
//! left out; only a release without an `ocid` is rejected.
use serde_json::{Map, Value as Json};

use crate::domain::ocds::*;
use crate::domain::taxid::{self, TaxIdCheck};
use crate::ingest::messages as msg;
use crate::ingest::reader::Reader;

type Obj = Map<String, Json>;

pub fn read_release(r: &mut Reader, obj: &Obj) -> Option<Release> {
    let Some(ocid) = r.string(obj, "ocid").filter(|s| !s.trim().is_empty()) else {
        let at = r.path().clone();
        r.push(msg::missing(
            r.file,
            &at,
            "ocid",
            "ไม่สามารถระบุกระบวนการจัดซื้อจัดจ้างได้",
            "the contracting process cannot be identified",
        ));
        return None;
    };
    let release = Release {
        ocid,
        id: r.string(obj, "id"),
        date: r.date(obj, "date"),
        tag: r.strings(obj, "tag"),
        language: r.string(obj, "language"),
        parties: r.objects(obj, "parties", |r, o| Some(party(r, o))),
        buyer: r.object(obj, "buyer", org_ref),
        planning: r.object(obj, "planning", planning),
        tender: r.object(obj, "tender", tender),
        bids: r.object(obj, "bids", |r, o| r.objects(o, "details", |r, o| Some(bid(r, o)))).unwrap_or_default(),
        awards: r.objects(obj, "awards", |r, o| Some(award(r, o))),
        contracts: r.objects(obj, "contracts", |r, o| Some(contract(r, o))),
    };
    Some(release)
}

fn value(r: &mut Reader, o: &Obj) -> Value {
    Value { amount: r.money(o, "amount"), currency: r.string(o, "currency") }
}

fn org_ref(r: &mut Reader, o: &Obj) -> OrgRef {
    OrgRef { id: r.string(o, "id"), name: r.string(o, "name") }
}

fn identifier(r: &mut Reader, o: &Obj) -> Identifier {
    let id = Identifier { scheme: r.string(o, "scheme"), id: r.string(o, "id"), legal_name: r.string(o, "legalName") };
    // Thai tax ids (scheme TH-RD, the Revenue Department) are checked; a bad one is shown, not dropped.
    if id.scheme.as_deref() == Some("TH-RD") {
        if let Some(tin) = &id.id {
            if taxid::check(tin) != TaxIdCheck::Valid {
                let at = r.here("id");
                r.push(msg::bad_tax_id(r.file, &at, tin));
            }
        }
    }
    id
}

fn party(r: &mut Reader, o: &Obj) -> Party {
    Party {
        id: r.string(o, "id"),
        name: r.string(o, "name"),
        identifier: r.object(o, "identifier", identifier),
        additional_identifiers: r.objects(o, "additionalIdentifiers", |r, o| Some(identifier(r, o))),
        roles: r.strings(o, "roles"),
        address: r.object(o, "address", |r, o| Address {
            street_address: r.string(o, "streetAddress"),
            locality: r.string(o, "locality"),
            region: r.string(o, "region"),
            postal_code: r.string(o, "postalCode"),
            country_name: r.string(o, "countryName"),
        }),
    }
}

fn period(r: &mut Reader, o: &Obj) -> Period {
    Period {
        start_date: r.date(o, "startDate"),
        end_date: r.date(o, "endDate"),
        start: r.moment(o, "startDate"),
        end: r.moment(o, "endDate"),
        duration_in_days: r.integer(o, "durationInDays"),
    }
}

fn item(r: &mut Reader, o: &Obj) -> Item {
    Item {
        id: r.string(o, "id"),
        description: r.string(o, "description"),
        classification: r.object(o, "classification", |r, o| Classification {
            scheme: r.string(o, "scheme"),
            id: r.string(o, "id"),
            description: r.string(o, "description"),
        }),
        quantity: r.float(o, "quantity"),
        unit_name: r.object(o, "unit", |r, o| r.string(o, "name")).flatten(),
        unit_value: r.object(o, "unit", |r, o| r.object(o, "value", value)).flatten(),
        has_delivery_location: r.field(o, "deliveryLocation").is_some() || r.field(o, "deliveryAddress").is_some(),
    }
}

fn document(r: &mut Reader, o: &Obj) -> Document {
    Document {
        id: r.string(o, "id"),
        document_type: r.string(o, "documentType"),
        title: r.string(o, "title"),
        url: r.string(o, "url"),
        date_published: r.date(o, "datePublished"),
        format: r.string(o, "format"),
        language: r.string(o, "language"),
    }
}

fn milestone(r: &mut Reader, o: &Obj) -> Milestone {
    Milestone {
        id: r.string(o, "id"),
        title: r.string(o, "title"),
        milestone_type: r.string(o, "type"),
        status: r.string(o, "status"),
        due_date: r.date(o, "dueDate"),
        date_met: r.date(o, "dateMet"),
    }
}

fn amendment(r: &mut Reader, o: &Obj) -> Amendment {
    Amendment {
        id: r.string(o, "id"),
        date: r.date(o, "date"),
        rationale: r.string(o, "rationale"),
        description: r.string(o, "description"),
    }
}

fn documents(r: &mut Reader, o: &Obj) -> Vec<Document> {
    r.objects(o, "documents", |r, o| Some(document(r, o)))
}

fn milestones(r: &mut Reader, o: &Obj) -> Vec<Milestone> {
    r.objects(o, "milestones", |r, o| Some(milestone(r, o)))
}

fn items(r: &mut Reader, o: &Obj) -> Vec<Item> {
    r.objects(o, "items", |r, o| Some(item(r, o)))
}

fn amendments(r: &mut Reader, o: &Obj) -> Vec<Amendment> {
    let mut list = r.objects(o, "amendments", |r, o| Some(amendment(r, o)));
    // OCDS 1.0 had a single `amendment` object.
    if let Some(single) = r.object(o, "amendment", amendment) {
        list.push(single);
    }
    list
}

fn planning(r: &mut Reader, o: &Obj) -> Planning {
    Planning {
        budget: r.object(o, "budget", |r, o| BudgetLine {
            id: r.string(o, "id"),
            description: r.string(o, "description"),
            amount: r.object(o, "amount", value),
            project: r.string(o, "project"),
            project_id: r.string(o, "projectID"),
        }),
        rationale: r.string(o, "rationale"),
        documents: documents(r, o),
        milestones: milestones(r, o),
    }
}

fn tender(r: &mut Reader, o: &Obj) -> Tender {
    Tender {
        id: r.string(o, "id"),
        title: r.string(o, "title"),
        description: r.string(o, "description"),
        status: r.string(o, "status"),
        value: r.object(o, "value", value),
        procurement_method: r.string(o, "procurementMethod"),
        procurement_method_details: r.string(o, "procurementMethodDetails"),
        procurement_method_rationale: r.string(o, "procurementMethodRationale"),
        main_procurement_category: r.string(o, "mainProcurementCategory"),
        tender_period: r.object(o, "tenderPeriod", period),
        award_period: r.object(o, "awardPeriod", period),
        number_of_tenderers: r.integer(o, "numberOfTenderers"),
        tenderers: r.objects(o, "tenderers", |r, o| Some(org_ref(r, o))),
        procuring_entity: r.object(o, "procuringEntity", org_ref),
        items: items(r, o),
        documents: documents(r, o),
        milestones: milestones(r, o),
        amendments: amendments(r, o),
    }
}

fn bid(r: &mut Reader, o: &Obj) -> Bid {
    Bid {
        id: r.string(o, "id"),
        date: r.date(o, "date"),
        received: r.moment(o, "date"),
        status: r.string(o, "status"),
        tenderers: r.objects(o, "tenderers", |r, o| Some(org_ref(r, o))),
        value: r.object(o, "value", value),
    }
}

fn award(r: &mut Reader, o: &Obj) -> Award {
    Award {
        id: r.string(o, "id"),
        title: r.string(o, "title"),
        status: r.string(o, "status"),
        date: r.date(o, "date"),
        value: r.object(o, "value", value),
        suppliers: r.objects(o, "suppliers", |r, o| Some(org_ref(r, o))),
        items: items(r, o),
        contract_period: r.object(o, "contractPeriod", period),
        documents: documents(r, o),
    }
}

fn transaction(r: &mut Reader, o: &Obj) -> Transaction {
    // OCDS 1.0 called the value `amount` and the parties `providerOrganization`/`receiverOrganization`.
    let value = r.object(o, "value", value).or_else(|| r.object(o, "amount", value));
    Transaction {
        id: r.string(o, "id"),
        date: r.date(o, "date"),
        value,
        payer: r.object(o, "payer", org_ref).or_else(|| {
            r.object(o, "providerOrganization", |r, o| OrgRef { id: r.string(o, "id"), name: r.string(o, "legalName") })
        }),
        payee: r.object(o, "payee", org_ref).or_else(|| {
            r.object(o, "receiverOrganization", |r, o| OrgRef { id: r.string(o, "id"), name: r.string(o, "legalName") })
        }),
        uri: r.string(o, "uri"),
    }
}

fn contract(r: &mut Reader, o: &Obj) -> Contract {
    Contract {
        id: r.string(o, "id"),
        award_id: r.string(o, "awardID"),
        title: r.string(o, "title"),
        status: r.string(o, "status"),
        period: r.object(o, "period", period),
        value: r.object(o, "value", value),
        date_signed: r.date(o, "dateSigned"),
        items: items(r, o),
        documents: documents(r, o),
        amendments: amendments(r, o),
        implementation: r.object(o, "implementation", |r, o| Implementation {
            transactions: r.objects(o, "transactions", |r, o| Some(transaction(r, o))),
            milestones: milestones(r, o),
            documents: documents(r, o),
        }),
    }
}
