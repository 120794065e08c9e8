/// English irregular verbs, past tense and participle to base form ("struck" and "stricken" to
/// "strike"), for matching a negated verb against the form another sentence uses: "did not
/// strike" bears on "struck". The stemmer cannot join them; this short list of the verbs news
/// uses most can.
public enum IrregularVerbs {
    /// The base form of an irregular past form, else the word itself (lower-cased input).
    public static func base(of word: String) -> String { bases[word] ?? word }

    private static let bases: [String: String] = {
        var bases: [String: String] = [:]
        for entry in table.split(separator: " ") {
            let forms = entry.split(separator: "/").map(String.init)
            for form in forms.dropFirst() where form != forms[0] { bases[form] = forms[0] }
        }
        return bases
    }()

    /// base/past/participle, one verb per entry.
    private static let table = """
        arise/arose/arisen be/was/been be/were/been become/became/become begin/began/begun bite/bit/bitten \
        blow/blew/blown break/broke/broken bring/brought/brought build/built/built burn/burnt/burnt \
        buy/bought/bought catch/caught/caught choose/chose/chosen come/came/come cost/cost/cost \
        deal/dealt/dealt do/did/done draw/drew/drawn drink/drank/drunk drive/drove/driven eat/ate/eaten \
        fall/fell/fallen feed/fed/fed feel/felt/felt fight/fought/fought find/found/found flee/fled/fled \
        fly/flew/flown forbid/forbade/forbidden forget/forgot/forgotten freeze/froze/frozen get/got/gotten \
        give/gave/given go/went/gone grow/grew/grown hang/hung/hung have/had/had hear/heard/heard \
        hide/hid/hidden hold/held/held keep/kept/kept know/knew/known lay/laid/laid lead/led/led \
        leave/left/left lend/lent/lent lose/lost/lost make/made/made mean/meant/meant \
        meet/met/met pay/paid/paid ride/rode/ridden ring/rang/rung rise/rose/risen run/ran/run say/said/said \
        see/saw/seen seek/sought/sought sell/sold/sold send/sent/sent shake/shook/shaken shoot/shot/shot \
        sink/sank/sunk sit/sat/sat sleep/slept/slept speak/spoke/spoken spend/spent/spent stand/stood/stood \
        steal/stole/stolen stick/stuck/stuck strike/struck/stricken swear/swore/sworn swim/swam/swum \
        take/took/taken teach/taught/taught tear/tore/torn tell/told/told think/thought/thought \
        throw/threw/thrown understand/understood/understood wake/woke/woken wear/wore/worn win/won/won \
        withdraw/withdrew/withdrawn write/wrote/written
        """
}
