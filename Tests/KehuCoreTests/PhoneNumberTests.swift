import Testing
@testable import KehuCore

struct PhoneNumberTests {
    @Test(arguments: ["13800138000", "138 0013 8000", "138-0013-8000", "１３８００１３８０００", "+86 138 0013 8000", "8613800138000", "(138) 0013 8000"])
    func mobileSpellingsAreOneNumber(_ text: String) throws {
        let number = try #require(PhoneNumber(text))
        #expect(number.digits == "13800138000")
        #expect(number.isMainlandMobile)
        #expect(number.description == "138 0013 8000")
    }

    @Test func landlinesKeepAreaCodeAndExtension() throws {
        let guangzhou = try #require(PhoneNumber("020-88886666"))
        #expect(guangzhou.description == "020-8888 6666")
        #expect(!guangzhou.isMainlandMobile)
        let withExtension = try #require(PhoneNumber("0755-2345 6789 转 801"))
        #expect(withExtension.digits == "075523456789")
        #expect(withExtension.extensionDigits == "801")
        #expect(withExtension.description == "0755-2345 6789 转801")
        #expect(PhoneNumber("0571 8765432")?.description == "0571-876 5432")
        #expect(PhoneNumber("400-800-8888")?.digits == "4008008888")
    }

    @Test(arguments: ["138001380OO", "call me", "1380013800", "138001380001", "+1 212 555 0100", "020-", "12#", ""])
    func lettersAndImpossibleLengthsAreRejected(_ text: String) {
        #expect(PhoneNumber(text) == nil)
    }

    @Test func emailsAreCheckedLikeAFormWould() {
        #expect(EmailAddress.isValid("wang.fang@huanan-jd.com.cn"))
        #expect(EmailAddress.isValid("ｗａｎｇ＠ｑｑ．ｃｏｍ"))   // full-width input method
        #expect(!EmailAddress.isValid("wang@"))
        #expect(!EmailAddress.isValid("wang@qq"))
        #expect(!EmailAddress.isValid("wang fang@qq.com"))
        #expect(!EmailAddress.isValid("@qq.com"))
    }
}
