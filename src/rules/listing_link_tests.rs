#![allow(clippy::unwrap_used)]

use super::*;
use Marketplace::{Alibaba1688, Taobao, Tmall};

const ID: &str = "612345678901";

/// (pasted text, marketplace, offer id, url, title, short)
type Case = (
    &'static str,
    Marketplace,
    Option<&'static str>,
    &'static str,
    Option<&'static str>,
    bool,
);

const A1688: &str = "https://detail.1688.com/offer/612345678901.html";
const TAOBAO: &str = "https://item.taobao.com/item.htm?id=612345678901";
const TMALL: &str = "https://detail.tmall.com/item.htm?id=612345678901";

const CASES: [Case; 17] = [
    // 1688, desktop, with tracking parameters.
    (
        "https://detail.1688.com/offer/612345678901.html?spm=a260k.dacugeneral.home2019rec.4.663335edQ&tracelog=p4p&clickid=abc",
        Alibaba1688,
        Some(ID),
        A1688,
        None,
        false,
    ),
    // 1688 mobile.
    (
        "https://m.1688.com/offer/612345678901.html?sk=consign&spm=a26g8.7664812.0.0",
        Alibaba1688,
        Some(ID),
        A1688,
        None,
        false,
    ),
    // 1688 mobile page with the id as a parameter.
    (
        "https://detail.m.1688.com/page/index.html?spm=a2615.2177701&offerId=612345678901",
        Alibaba1688,
        Some(ID),
        A1688,
        None,
        false,
    ),
    // 1688 inside a chat line, no scheme, an ellipsis either side: no title.
    (
        "看看这个…detail.1688.com/offer/612345678901.html…",
        Alibaba1688,
        Some(ID),
        A1688,
        None,
        false,
    ),
    // 1688 share text with a short link.
    (
        "【1688】雾霾蓝马克杯 陶瓷 350ml https://qr.1688.com/s/AbCd12Ef CZ3456",
        Alibaba1688,
        None,
        "https://qr.1688.com/s/AbCd12Ef",
        Some("雾霾蓝马克杯 陶瓷 350ml"),
        true,
    ),
    // Taobao, parameters in another order, skuId not taken for the id.
    (
        "https://item.taobao.com/item.htm?spm=a1z10.3-c.w4002-1.9.1b2c&skuId=5012345678&id=612345678901&ns=1",
        Taobao,
        Some(ID),
        TAOBAO,
        None,
        false,
    ),
    // Taobao h5 short form.
    (
        "https://a.m.taobao.com/i612345678901.htm?price=12.80&sourceType=item",
        Taobao,
        Some(ID),
        TAOBAO,
        None,
        false,
    ),
    // Taobao h5 detail page.
    (
        "https://h5.m.taobao.com/awp/core/detail.htm?ft=t&id=612345678901&spm=a2141",
        Taobao,
        Some(ID),
        TAOBAO,
        None,
        false,
    ),
    // world.taobao.com (overseas).
    (
        "https://world.taobao.com/item/612345678901.htm?fromSite=main",
        Taobao,
        Some(ID),
        TAOBAO,
        None,
        false,
    ),
    // HTML-escaped ampersands, upper-case host.
    (
        "https://ITEM.TAOBAO.COM/item.htm?spm=x&amp;id=612345678901",
        Taobao,
        Some(ID),
        TAOBAO,
        None,
        false,
    ),
    // Taobao app share text: full-width brackets around the title.
    (
        "【淘宝】https://m.tb.cn/h.5AbCdEf?tk=XyZ12abCdE CZ0001 「雾霾蓝马克杯 陶瓷 350ml」\n点击链接直接打开 或者 淘宝搜索直接打开",
        Taobao,
        None,
        "https://m.tb.cn/h.5AbCdEf?tk=XyZ12abCdE",
        Some("雾霾蓝马克杯 陶瓷 350ml"),
        true,
    ),
    // Tmall item shared from the Taobao app: the tag names Tmall.
    (
        "【天猫】https://m.tb.cn/h.gQwErTy 「北欧陶瓷马克杯」",
        Tmall,
        None,
        "https://m.tb.cn/h.gQwErTy",
        Some("北欧陶瓷马克杯"),
        true,
    ),
    // Tmall, desktop and mobile.
    (
        "https://detail.tmall.com/item.htm?abbucket=3&id=612345678901&rn=ff&skuId=4999",
        Tmall,
        Some(ID),
        TMALL,
        None,
        false,
    ),
    (
        "https://detail.m.tmall.com/item.htm?id=612345678901",
        Tmall,
        Some(ID),
        TMALL,
        None,
        false,
    ),
    // A title on the line before a full link.
    (
        "雾霾蓝马克杯 陶瓷 350ml\nhttps://detail.tmall.com/item.htm?id=612345678901",
        Tmall,
        Some(ID),
        TMALL,
        Some("雾霾蓝马克杯 陶瓷 350ml"),
        false,
    ),
    // A shop page: the marketplace, but no offer id.
    (
        "https://shop1234567.1688.com/page/index.htm",
        Alibaba1688,
        None,
        "https://shop1234567.1688.com/page/index.htm",
        None,
        false,
    ),
    // An id too short to be an offer id is not one.
    (
        "https://item.taobao.com/item.htm?id=123",
        Taobao,
        None,
        "https://item.taobao.com/item.htm?id=123",
        None,
        false,
    ),
];

#[test]
fn links_and_share_texts_give_marketplace_id_canonical_url_and_title() {
    for (text, marketplace, id, url, title, short) in CASES {
        let got = parse(text).unwrap_or_else(|e| panic!("{text}: {e}"));
        let want = ListingLink {
            marketplace,
            offer_id: id.map(String::from),
            url: url.into(),
            title: title.map(String::from),
            short,
        };
        assert_eq!(got, want, "{text}");
    }
}

#[test]
fn texts_without_a_marketplace_link_are_refused() {
    for text in [
        "",
        "雾霾蓝马克杯 陶瓷 350ml",
        "https://www.amazon.com/dp/B0123456789",
        "复制这条信息￥AbCd1234￥后打开👉手淘👈",
        "https://evil-taobao.com/item.htm?id=612345678901",
    ] {
        assert_eq!(parse(text), Err(LinkError::NoLink), "{text}");
    }
}

#[test]
fn the_offer_id_of_a_listing_url() {
    assert_eq!(offer_id(A1688).as_deref(), Some(ID));
    assert_eq!(offer_id("https://m.tb.cn/h.5AbCdEf"), None);
    assert_eq!(offer_id("not a link"), None);
}

#[test]
fn filling_replaces_marketplace_url_and_title_and_names_only_an_unnamed_product() {
    let link = parse("【淘宝】https://m.tb.cn/h.5AbCdEf 「雾霾蓝马克杯」").unwrap();
    let before = Listing {
        marketplace: Alibaba1688,
        title: "old".into(),
        variant: "雾霾蓝".into(),
        ..Listing::default()
    };
    let f = fill(&before, "", &link);
    assert_eq!(f.listing.marketplace, Taobao);
    assert_eq!(f.listing.url, "https://m.tb.cn/h.5AbCdEf");
    assert_eq!(f.listing.title, "雾霾蓝马克杯");
    assert_eq!(f.listing.variant, "雾霾蓝", "other fields are kept");
    assert_eq!(f.name.as_deref(), Some("雾霾蓝马克杯"));
    assert_eq!(f.what, ["marketplace", "listing URL", "title", "name"]);
    let message = fill_message(&link, &f.what);
    assert!(
        message.starts_with("Filled marketplace, listing URL, title and name (Taobao)."),
        "{message}"
    );
    assert!(message.contains("cannot be resolved offline"), "{message}");

    assert_eq!(
        fill(&before, NEW_PRODUCT_NAME, &link).name.as_deref(),
        Some("雾霾蓝马克杯"),
        "the window's placeholder name counts as none"
    );
    let named = fill(&f.listing, "Mug", &link);
    assert_eq!(named.name, None, "a named product keeps its name");
    assert!(named.what.is_empty());

    let full = parse(A1688).unwrap();
    let f = fill(&Listing::default(), "Mug", &full);
    assert_eq!(f.what, ["listing URL"], "no title in a bare link");
    assert_eq!(
        fill_message(&full, &f.what),
        "Filled listing URL (1688 offer 612345678901)."
    );
}
